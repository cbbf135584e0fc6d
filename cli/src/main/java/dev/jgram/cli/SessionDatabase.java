package dev.jgram.cli;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A read-only look at a session file through SQLite itself: its tables, which library's schema
 * they are, the schema version, and SQLite's integrity check. Never writes: the connection is
 * read-only, and a WAL-mode file whose {@code -wal} is absent (no client has it open) is opened
 * as immutable, because a read-only connection would otherwise leave empty {@code -wal} and
 * {@code -shm} files behind.
 */
final class SessionDatabase implements AutoCloseable {

  /** Which library's schema the tables are. */
  enum Kind {
    /** Pyrogram and its forks: {@code sessions}, {@code peers}, {@code version(number)}. */
    PYROGRAM,
    /** Telethon: {@code sessions}, {@code entities}, {@code version(version)}. */
    TELETHON
  }

  private final Path file;
  private final SqliteHeader header;
  private final Connection connection;

  private SessionDatabase(Path file, SqliteHeader header, Connection connection) {
    this.file = file;
    this.header = header;
    this.connection = connection;
  }

  /**
   * Validates the header and opens {@code file} read-only.
   *
   * @throws CliException naming the file if it is not an SQLite database or SQLite refuses it
   */
  static SessionDatabase open(Path file) {
    SqliteHeader header;
    try {
      header = SqliteHeader.read(file);
    } catch (InvalidSessionFileException e) {
      throw new CliException(e.getMessage(), e);
    }
    boolean immutable = header.wal() && !Files.exists(sibling(file, "-wal"));
    String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri()
        + (immutable ? "?immutable=1" : "?mode=ro");
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(2000);
    try {
      return new SessionDatabase(file, header, config.createConnection(url));
    } catch (SQLException e) {
      throw new CliException(file + ": SQLite cannot open it: " + e.getMessage(), e);
    }
  }

  static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /** The validated header. */
  SqliteHeader header() {
    return header;
  }

  /** The names of the tables, in name order. */
  List<String> tables() {
    return strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  }

  /** Which library's schema this is, or {@code null} if it is not a session database. */
  Kind kind() {
    List<String> t = tables();
    if (t.contains("sessions") && t.contains("peers") && t.contains("version")) {
      return Kind.PYROGRAM;
    }
    if (t.contains("sessions") && t.contains("entities") && t.contains("version")) {
      return Kind.TELETHON;
    }
    return null;
  }

  /**
   * The kind, or a failure saying this SQLite database is not a session.
   *
   * @throws CliException naming the file and the tables found
   */
  Kind requireSession() {
    Kind kind = kind();
    if (kind == null) {
      List<String> t = tables();
      throw new CliException(file + ": an SQLite database but not a session: expected the "
          + "tables sessions, peers and version (Pyrogram) or sessions, entities and version "
          + "(Telethon); found " + (t.isEmpty() ? "no tables" : String.join(", ", t)));
    }
    return kind;
  }

  /** The schema version in the {@code version} table, or {@code null} if it holds none. */
  Integer schemaVersion(Kind kind) {
    String column = kind == Kind.TELETHON ? "version" : "number";
    List<String> v = strings("SELECT " + column + " FROM version");
    if (v.isEmpty() || v.get(0) == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.get(0));
    } catch (NumberFormatException e) {
      throw new CliException(file + ": the version table holds '" + v.get(0)
          + "'; expected a schema number", e);
    }
  }

  /**
   * A server address a session row carries (kurigram's schema 7 adds the columns).
   *
   * @param serverAddress the {@code server_address} column, or {@code null}
   * @param port the {@code port} column, or {@code null} (also when outside 0..65535)
   */
  record Address(String serverAddress, Integer port) {
    static final Address NONE = new Address(null, null);
  }

  /**
   * The {@code server_address} and {@code port} of the session row, read by column name where
   * the {@code sessions} table has them; {@link Address#NONE} for files without them.
   */
  Address address() {
    List<String> columns = strings("SELECT name FROM pragma_table_info('sessions')");
    if (!columns.contains("server_address") || !columns.contains("port")) {
      return Address.NONE;
    }
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT server_address, port FROM sessions LIMIT 1")) {
      if (!r.next()) {
        return Address.NONE;
      }
      String address = r.getString(1);
      long port = r.getLong(2);
      boolean validPort = !r.wasNull() && port >= 0 && port <= 65535;
      return new Address(address, validPort ? Integer.valueOf((int) port) : null);
    } catch (SQLException e) {
      throw new CliException(file + ": SQLite cannot read it: " + e.getMessage(), e);
    }
  }

  /** SQLite's {@code PRAGMA integrity_check}: {@code ["ok"]} when the file is sound. */
  List<String> integrityCheck() {
    return strings("PRAGMA integrity_check");
  }

  private List<String> strings(String sql) {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new CliException(file + ": SQLite cannot read it: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new CliException(file + ": cannot close: " + e.getMessage(), e);
    }
  }
}
