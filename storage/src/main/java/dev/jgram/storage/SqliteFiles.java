package dev.jgram.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** Opens SQLite connections to a session file, and names the files SQLite puts beside it. */
final class SqliteFiles {
  /** How a connection may touch the file. */
  enum Access {
    /**
     * Read-only, and SQLite is told the file cannot change ({@code immutable=1}): no locks and
     * no side files at all. Used to inspect a file that has no {@code -wal} beside it.
     */
    IMMUTABLE("?mode=ro&immutable=1"),
    /** Read-only with normal locking: sees what a running owner commits (WAL included). */
    READ_ONLY("?mode=ro"),
    /** Read-write; creates the file if missing. */
    READ_WRITE("?mode=rwc");

    private final String query;

    Access(String query) {
      this.query = query;
    }
  }

  /** Suffixes SQLite uses for its side files. */
  static final String[] SIDE_SUFFIXES = {"-wal", "-shm", "-journal"};

  private SqliteFiles() {}

  static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /**
   * Removes a session file and everything jgram or SQLite put beside it: WAL and journal
   * files, and the backups kept before migrations (they hold the auth key too).
   */
  static void deleteSessionFiles(Path file) {
    List<Path> doomed = new ArrayList<>(List.of(file));
    for (String suffix : SIDE_SUFFIXES) {
      doomed.add(sibling(file, suffix));
    }
    for (int version = 1; version < 3; version++) {
      doomed.add(sibling(file, ".v" + version + ".bak"));
    }
    for (Path p : doomed) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new StorageException(p + ": cannot delete: " + e.getMessage(), e);
      }
    }
  }

  /** Opens a connection; {@code busyTimeoutMs} is how long to wait for another connection. */
  static Connection open(Path file, Access access, int busyTimeoutMs) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(access != Access.READ_WRITE);
    config.setBusyTimeout(busyTimeoutMs);
    // The path goes through a file: URI so that '?' or '#' in a name stay part of the name.
    String uri = "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + access.query;
    return DriverManager.getConnection(uri, config.toProperties());
  }
}
