package dev.jgram.storage.file;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.SessionLockedException;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.lock.FilePermissions;
import dev.jgram.storage.sqlite.SqliteFiles;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens a session file for {@link SqliteStorage}: creates a new one, or inspects an existing
 * one read-only (refusing it untouched if it is not a session), keeps a backup before a
 * migration, then opens it read-write in WAL mode and migrates it in one transaction.
 */
final class SqliteOpener {
  /** How long a write waits for another connection (a reader, or Pyrogram) to let go. */
  static final int BUSY_TIMEOUT_MS = 2000;

  /**
   * Checkpoint (the only step that syncs under synchronous=NORMAL) every 16 MB of WAL rather
   * than SQLite's 4 MB: fewer syncs while peers stream in; close checkpoints the rest.
   */
  static final int WAL_CHECKPOINT_PAGES = 4000;

  /** The page cache per connection, in KiB: grows only as pages are read. */
  static final int CACHE_KIB = 16 * 1024;

  /** An open connection and what it found; closing it runs {@code afterClose} too. */
  record Opened(Connection connection, SchemaLayout layout, Runnable afterClose)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing is pending on a connection closed here: nothing to lose
      }
      afterClose.run();
    }
  }

  private static final System.Logger LOG = System.getLogger(SqliteOpener.class.getName());

  private SqliteOpener() {}

  /** Opens {@code file} for reading and writing; the caller holds the session lock. */
  static Opened openWritable(Path file) {
    try {
      SchemaLayout found = null;
      if (Files.exists(file)) {
        found = SessionFileProbe.inspect(file);
        if (found.needsMigration()) {
          backup(file, found.version());
        }
      } else {
        create(file);
      }
      Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, BUSY_TIMEOUT_MS);
      try {
        pragmas(c);
        SchemaLayout layout = found != null ? found : SessionFileProbe.readLayout(file, c);
        if (layout.needsMigration() || !layout.jgramCurrent()) {
          upgrade(c, layout);
          logUpgrade(file, layout);
          layout = SessionFileProbe.readLayout(file, c);
        }
        return new Opened(c, layout, () -> { });
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      if (isBusy(e)) {
        // Another program holds SQLite's own lock: typically a running Pyrogram, which keeps a
        // write transaction open for as long as it runs.
        throw new SessionLockedException(file.toString(), null, -1, null);
      }
      throw new StorageException(file + ": cannot open the session: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException(file + ": cannot open the session: " + e.getMessage(), e);
    }
  }

  /** SQLITE_BUSY or SQLITE_LOCKED, extended codes included. */
  private static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 5 || primary == 6;
  }

  /**
   * Opens {@code file} read-only: no lock, no migration, nothing written; a {@code -shm} this
   * creates (only for a crashed owner's {@code -wal}) is removed again after close.
   */
  static Opened openReadOnly(Path file) {
    if (!Files.exists(file)) {
      throw new InvalidSessionFileException(file, file + ": no such session file; a read-only "
          + "open never creates one");
    }
    SchemaLayout layout = SessionFileProbe.inspect(file);
    Path wal = SqliteFiles.sibling(file, "-wal");
    Path shm = SqliteFiles.sibling(file, "-shm");
    boolean walExists = Files.exists(wal);
    boolean shmExisted = Files.exists(shm);
    // A WAL-mode file without a -wal has everything in the file itself and no running owner.
    SqliteFiles.Access access = !walExists && SqliteHeader.read(file).wal()
        ? SqliteFiles.Access.IMMUTABLE : SqliteFiles.Access.READ_ONLY;
    try {
      Connection c = SqliteFiles.open(file, access, BUSY_TIMEOUT_MS);
      return new Opened(c, layout, walExists && !shmExisted
          ? () -> SessionFileProbe.deleteQuietly(shm) : () -> { });
    } catch (SQLException e) {
      throw new StorageException(file + ": cannot open the session read-only: "
          + e.getMessage(), e);
    }
  }

  /**
   * Creates a new session file atomically: built under a temporary name (owner-only), then
   * moved into place, so a crash never leaves a half-made session under the real name.
   */
  private static void create(Path file) throws IOException, SQLException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".new",
        FilePermissions.ownerOnly(file));
    try {
      try (Connection c = SqliteFiles.open(tmp, SqliteFiles.Access.READ_WRITE, BUSY_TIMEOUT_MS);
          Statement s = c.createStatement()) {
        // A crash here leaves only the temporary file, so no journal and no syncs until the
        // single one below, before the file gets its real name.
        s.execute("PRAGMA journal_mode=OFF");
        s.execute("PRAGMA synchronous=OFF");
        // Pages the peer log frees are given back to the file system on close (see
        // SqliteStorage.close); only possible if chosen before the first table exists.
        s.execute("PRAGMA auto_vacuum=INCREMENTAL");
        s.execute("BEGIN IMMEDIATE");
        SqliteSchema.createNew(c);
        s.execute("COMMIT");
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException e) {
        throw new StorageException(file + ": appeared while jgram was creating it; open again");
      } catch (UnsupportedOperationException | IOException e) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(SqliteFiles.sibling(tmp, "-journal"));
    }
  }

  private static void backup(Path file, int version) throws IOException {
    Path bak = file.resolveSibling(file.getFileName() + ".v" + version + ".bak");
    if (Files.exists(bak)) {
      return; // an earlier, interrupted migration already kept the original
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(),
        bak.getFileName() + ".", ".tmp", FilePermissions.ownerOnly(file));
    try {
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      FilePermissions.restrict(tmp); // the copy was re-created with default permissions
      Files.move(tmp, bak, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Settings that cost no I/O: synchronous NORMAL, under which a WAL commit survives a killed
   * process (it is in the OS's file cache), though the last commits may be lost on power
   * failure until the next checkpoint; a page cache that holds a 100,000-peer file whole. WAL
   * itself is entered by {@link #enterWal} at the first write, not here: switching journal
   * modes takes an exclusive lock and syncs, and an open that only reads need not pay that.
   */
  private static void pragmas(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA wal_autocheckpoint=" + WAL_CHECKPOINT_PAGES);
      s.execute("PRAGMA cache_size=-" + CACHE_KIB);
      s.execute("PRAGMA temp_store=MEMORY");
    }
  }

  /**
   * Puts the file in WAL mode, so that every commit is one append and readers never block the
   * owner; returns whether it is (a reader attached in rollback mode can keep it from
   * switching, and the write then goes through the rollback journal).
   */
  static boolean enterWal(Connection c, Path file) throws SQLException {
    boolean wal;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
      wal = rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
    }
    try {
      for (String suffix : new String[] {"-wal", "-shm"}) {
        FilePermissions.restrict(SqliteFiles.sibling(file, suffix));
      }
    } catch (IOException e) {
      throw new StorageException(file + ": cannot restrict the WAL files: " + e.getMessage(), e);
    }
    return wal;
  }

  /** INFO for a migrated schema (the user's file changed shape), DEBUG for jgram's tables. */
  private static void logUpgrade(Path file, SchemaLayout before) {
    if (before.needsMigration()) {
      LOG.log(Level.INFO, "{0}: migrated the session schema from version {1} to 3 (the"
          + " original is kept as {2})", file, before.version(),
          file.getFileName() + ".v" + before.version() + ".bak");
    } else {
      LOG.log(Level.DEBUG, "{0}: added or updated jgram''s tables (schema version {1})", file,
          before.version());
    }
  }

  /** Migrates and adds jgram's tables in one transaction: a kill leaves old or new. */
  private static void upgrade(Connection c, SchemaLayout layout) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        SqliteSchema.upgrade(c, layout);
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }
}
