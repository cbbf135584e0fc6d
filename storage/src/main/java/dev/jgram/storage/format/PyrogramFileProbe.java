package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Session;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Reads the {@code sessions} row of a Pyrogram file (any schema, by column name) for
 * detection only. Peers and update state are the SQLite engine's business
 * ({@code Storage.file}); nothing here writes.
 */
final class PyrogramFileProbe {
  private PyrogramFileProbe() {}

  static PortableSession read(Path file, Connection c) throws SQLException {
    SqliteFiles.requireColumns(file, c, "sessions", "dc_id", "test_mode", "auth_key",
        "user_id", "is_bot");
    Set<String> cols = SqliteFiles.columns(c, "sessions");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM sessions")) {
      if (!rs.next()) {
        throw new InvalidSessionFileException(file, file
            + ": the sessions table is empty; expected one row");
      }
      Long dc = SqliteFiles.nullableLong(rs, "dc_id");
      Long apiId = cols.contains("api_id") ? SqliteFiles.nullableLong(rs, "api_id") : null;
      Long test = SqliteFiles.nullableLong(rs, "test_mode");
      byte[] key = rs.getBytes("auth_key");
      Long date = cols.contains("date") ? SqliteFiles.nullableLong(rs, "date") : null;
      Long userId = SqliteFiles.nullableLong(rs, "user_id");
      Long bot = SqliteFiles.nullableLong(rs, "is_bot");
      AuthKey authKey = key == null || key.length != AuthKey.LENGTH ? null : AuthKey.of(key);
      return PortableSession.of(new Session(dc == null ? null : dc.intValue(),
          apiId(file, apiId), test == null ? null : test != 0, authKey,
          date == null ? 0 : date, userId, bot == null ? null : bot != 0));
    }
  }

  /**
   * The api_id column as the unsigned 32-bit number Pyrogram stores; a negative 32-bit value
   * is the number with the same bits, as the SQLite engine reads it.
   */
  private static Long apiId(Path file, Long v) {
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Session.MAX_API_ID) {
      throw new InvalidSessionFileException(file, file + ": sessions.api_id is " + v
          + "; expected an unsigned 32-bit value, 0 to " + Session.MAX_API_ID);
    }
    return v < 0 ? v + (1L << 32) : v;
  }
}
