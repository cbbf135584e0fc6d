package dev.jgram.storage.file;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.SchemaTooNewException;
import dev.jgram.storage.sqlite.SqliteFiles;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks at an existing file, without changing a byte of it or creating anything beside it,
 * and says whether it is a session jgram can open and which {@link SchemaLayout} it has.
 *
 * <p>First the 100-byte SQLite header is checked ({@link SqliteHeader}), which catches text,
 * empty, random and truncated files before SQLite sees them. Then SQLite reads the schema
 * read-only: with {@code immutable=1} when no {@code -wal} exists (no locks, no side files), or
 * with normal read-only locking when a {@code -wal} exists (a running owner's commits live there).
 */
final class SessionFileProbe {
  private static final List<String> REQUIRED = List.of("sessions", "peers", "version");
  private static final List<String> SESSION_COLUMNS =
      List.of("dc_id", "test_mode", "auth_key", "date", "user_id", "is_bot");
  private static final List<String> PEER_COLUMNS =
      List.of("id", "access_hash", "type", "phone_number", "last_update_on");

  private SessionFileProbe() {}

  /**
   * Inspects {@code file}.
   *
   * @throws InvalidSessionFileException if it is not a session jgram can open
   * @throws SchemaTooNewException if its schema version is newer than any jgram knows
   */
  static SchemaLayout inspect(Path file) {
    SqliteHeader.read(file);
    boolean walExists = Files.exists(SqliteFiles.sibling(file, "-wal"));
    boolean shmExisted = Files.exists(SqliteFiles.sibling(file, "-shm"));
    SqliteFiles.Access access =
        walExists ? SqliteFiles.Access.READ_ONLY : SqliteFiles.Access.IMMUTABLE;
    try (Connection c = SqliteFiles.open(file, access, 1000)) {
      return readLayout(file, c);
    } catch (SQLException e) {
      throw new InvalidSessionFileException(file, file + ": not a readable session database ("
          + e.getMessage() + "); expected a Pyrogram-style SQLite session", e);
    } finally {
      if (walExists && !shmExisted) {
        // No owner was running (it would have a -shm); drop the index our read created.
        deleteQuietly(SqliteFiles.sibling(file, "-shm"));
      }
    }
  }

  static SchemaLayout readLayout(Path file, Connection c) throws SQLException {
    Map<String, Set<String>> columns = new HashMap<>();
    for (String table : SqliteFiles.tables(c)) {
      columns.put(table, SqliteFiles.columns(c, table));
    }
    requireSessionTables(file, columns);
    try (Statement s = c.createStatement()) {
      int version = readVersion(file, s);
      if (columns.containsKey("jgram_meta")) {
        requireKnownJgramSchema(file, s);
      }
      return new SchemaLayout(version, columns);
    }
  }

  private static void requireSessionTables(Path file, Map<String, Set<String>> columns) {
    List<String> missing = REQUIRED.stream().filter(t -> !columns.containsKey(t)).toList();
    if (!missing.isEmpty()) {
      String hint = columns.containsKey("entities") ? " (it looks like a Telethon session)" : "";
      throw invalid(file, "is an SQLite database but not a Pyrogram session" + hint
          + ": expected tables sessions, peers and version; missing " + missing
          + ", found " + new TreeSet<>(columns.keySet()));
    }
    requireColumns(file, columns, "sessions", SESSION_COLUMNS);
    requireColumns(file, columns, "peers", PEER_COLUMNS);
  }

  private static void requireColumns(Path file, Map<String, Set<String>> columns, String table,
      List<String> expected) {
    List<String> missing = expected.stream().filter(c -> !columns.get(table).contains(c)).toList();
    if (!missing.isEmpty()) {
      throw invalid(file, "has a table " + table + " without the columns " + missing
          + "; expected " + expected + ", found " + columns.get(table));
    }
  }

  private static int readVersion(Path file, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT MAX(number), COUNT(*) FROM version")) {
      rs.next();
      long version = rs.getLong(1);
      if (rs.getInt(2) == 0 || rs.wasNull()) {
        throw invalid(file, "has no schema version: the version table is empty");
      }
      if (version > SchemaLayout.NEWEST_KNOWN) {
        throw new SchemaTooNewException(file, (int) Math.min(version, Integer.MAX_VALUE),
            SchemaLayout.NEWEST_KNOWN);
      }
      if (version < 1) {
        throw invalid(file, "has schema version " + version + "; expected 1 to "
            + SchemaLayout.NEWEST_KNOWN);
      }
      return (int) version;
    }
  }

  /**
   * Refuses a file whose jgram tables a newer jgram wrote ({@code jgram_meta}'s
   * {@code jgram_schema} above {@link SqliteSchema#JGRAM_SCHEMA}): this one might misread them.
   */
  private static void requireKnownJgramSchema(Path file, Statement s) throws SQLException {
    String value;
    try (ResultSet rs = s.executeQuery(
        "SELECT value FROM jgram_meta WHERE key = 'jgram_schema'")) {
      if (!rs.next()) {
        return; // none recorded: read the tables by what they hold
      }
      value = rs.getString(1);
    }
    long schema;
    try {
      schema = Long.parseLong(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw invalid(file, "has jgram_meta.jgram_schema '" + value + "'; expected a number");
    }
    if (schema > SqliteSchema.JGRAM_SCHEMA) {
      throw new SchemaTooNewException(file, "jgram schema",
          (int) Math.min(schema, Integer.MAX_VALUE), SqliteSchema.JGRAM_SCHEMA);
    }
  }

  private static InvalidSessionFileException invalid(Path file, String problem) {
    return new InvalidSessionFileException(file, file + ": " + problem);
  }

  /** Deletes {@code p} if it is there; a failure leaves it, harmless to SQLite. */
  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Left behind; harmless to SQLite.
    }
  }
}
