package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/** Read-only access to foreign SQLite session files, and the checks every reader shares. */
final class SqliteFiles {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteFiles() {}

  /** Whether the file starts with SQLite's 16-byte header string. */
  static boolean isSqlite(Path file) {
    byte[] head = new byte[MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && java.util.Arrays.equals(head, MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Opens {@code file} read-only (nothing is created or changed on disk).
   *
   * @throws InvalidSessionFileException if it is missing, not SQLite, or cannot be opened
   */
  static Connection openReadOnly(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSessionFileException(file, file + ": no such file; expected " + what);
    }
    if (!isSqlite(file)) {
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
  static Connection openForWriting(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** The names of the tables in the database. */
  static Set<String> tables(Connection c) throws SQLException {
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
  static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
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
  static void requireColumns(Path file, Connection c, String table, String... required)
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
  static Long nullableLong(ResultSet rs, String column) throws SQLException {
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
  static String nullableText(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : value.toString();
  }
}
