package dev.jgram.storage.sqlite;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Opens SQLite connections to session files (jgram's own and other libraries'), names the
 * files SQLite puts beside them, and reads the schema and nullable columns the same way for
 * every reader.
 */
public final class SqliteFiles {
  /** How a connection may touch the file. */
  public enum Access {
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

  /** The file beside {@code file} whose name ends in {@code suffix} ({@code "-wal"}, ...). */
  public static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /**
   * Removes a session file and everything jgram or SQLite put beside it: WAL and journal
   * files, and the backups kept before migrations (they hold the auth key too).
   */
  public static void deleteSessionFiles(Path file) {
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
  public static Connection open(Path file, Access access, int busyTimeoutMs) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(access != Access.READ_WRITE);
    config.setBusyTimeout(busyTimeoutMs);
    // The path goes through a file: URI so that '?' or '#' in a name stay part of the name.
    String uri = "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + access.query;
    return DriverManager.getConnection(uri, config.toProperties());
  }

  /**
   * Opens {@code file} read-only (nothing is created or changed on disk).
   *
   * @throws InvalidSessionFileException if it is missing, not SQLite, or cannot be opened
   */
  public static Connection openReadOnly(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSessionFileException(file, file + ": no such file; expected " + what);
    }
    if (!SqliteHeader.isSqlite(file)) {
      throw new InvalidSessionFileException(file,
          file + ": not an SQLite database (no 'SQLite format 3' header); expected " + what);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try {
      return DriverManager.getConnection(
          "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw new InvalidSessionFileException(file, file + ": cannot open the SQLite database ("
          + e.getMessage() + "); expected " + what, e);
    }
  }

  /** Opens {@code file} for writing, creating it. */
  public static Connection openForWriting(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** The names of the tables in the database. */
  public static Set<String> tables(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The column names of {@code table}, in order. */
  public static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
      while (rs.next()) {
        out.add(rs.getString("name"));
      }
    }
    return out;
  }

  /**
   * Throws naming the table and the columns it lacks.
   *
   * @throws InvalidSessionFileException if any of {@code required} is missing
   */
  public static void requireColumns(Path file, Connection c, String table, String... required)
      throws SQLException {
    Set<String> have = columns(c, table);
    Set<String> missing = new LinkedHashSet<>();
    for (String r : required) {
      if (!have.contains(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidSessionFileException(file, file + ": table " + table + " lacks column(s) "
          + String.join(", ", missing) + "; found " + String.join(", ", have));
    }
  }

  /** A nullable integer column (SQLite may hold REAL; it is truncated). */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new SQLException("column " + column + " holds text that is not an integer", e);
    }
  }

  /** A nullable column as text (an INTEGER phone number becomes its digits). */
  public static String nullableText(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : value.toString();
  }
}
