package dev.jgram.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
