package dev.jgram.storage.file;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of DCs other than the home DC, one row each in {@code jgram_dc_keys} (jgram schema
 * 3). Pyrogram reads only {@code sessions}, whose one row stays the home DC's.
 *
 * <table>
 *   <caption>jgram_dc_keys</caption>
 *   <tr><th>column</th><th>holds</th></tr>
 *   <tr><td>dc_id INTEGER PRIMARY KEY</td><td>the DC</td></tr>
 *   <tr><td>auth_key BLOB NOT NULL</td><td>the 256-byte key; in an encrypted session its
 *       sealed form (as {@code jgram_auth_key.sealed}), never the key in clear</td></tr>
 *   <tr><td>key_id TEXT NOT NULL</td><td>the key id in hex (public), for {@code jgram info}
 *       without the password</td></tr>
 *   <tr><td>authorized INTEGER NOT NULL</td><td>1 when an authorisation exported from the
 *       home DC was imported on this key, else 0</td></tr>
 * </table>
 *
 * <p>A file of jgram schema 2 or older has no such table until it is opened for writing; a
 * read-only storage then reads no keys.
 */
final class DcKeyRows {
  static final String TABLE = "jgram_dc_keys";

  static final String CREATE = """
      CREATE TABLE IF NOT EXISTS jgram_dc_keys
      (
          dc_id      INTEGER PRIMARY KEY,
          auth_key   BLOB    NOT NULL,
          key_id     TEXT    NOT NULL,
          authorized INTEGER NOT NULL
      )""";

  private final Connection c;
  private final AuthKeyAtRest keys;

  DcKeyRows(Connection c, AuthKeyAtRest keys) {
    this.c = c;
    this.keys = keys;
  }

  /** Every stored key, by DC id; none when the file has no table yet. */
  List<DcKey> read() throws SQLException {
    List<DcKey> out = new ArrayList<>();
    if (!SqliteFiles.tables(c).contains(TABLE)) {
      return out;
    }
    try (PreparedStatement s = c.prepareStatement(
            "SELECT dc_id, auth_key, authorized FROM " + TABLE + " ORDER BY dc_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        AuthKey key = keys.fromRest(rs.getBytes(2));
        out.add(new DcKey(rs.getInt(1), key, rs.getInt(3) != 0));
      }
    }
    return out;
  }

  /** Inserts or replaces the row of the key's DC, in the caller's transaction. */
  void write(DcKey key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("REPLACE INTO " + TABLE
        + " (dc_id, auth_key, key_id, authorized) VALUES (?, ?, ?, ?)")) {
      s.setInt(1, key.dcId());
      s.setBytes(2, keys.atRest(key.authKey()));
      s.setString(3, key.authKey().idHex());
      s.setInt(4, key.authorized() ? 1 : 0);
      s.executeUpdate();
    }
  }

  /** Removes the row of a DC, in the caller's transaction. */
  void remove(int dcId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE dc_id = ?")) {
      s.setInt(1, dcId);
      s.executeUpdate();
    }
  }
}
