package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Telethon's {@code .session} SQLite file (schema 7, Telethon 1.x).
 *
 * <table>
 *   <caption>Tables</caption>
 *   <tr><th>table</th><th>columns</th><th>meaning</th></tr>
 *   <tr><td>version</td><td>version</td><td>7</td></tr>
 *   <tr><td>sessions</td><td>dc_id PK, server_address, port, auth_key, takeout_id (newer
 *       releases add tmp_auth_key)</td><td>one row: the home DC</td></tr>
 *   <tr><td>entities</td><td>id PK (marked), hash NOT NULL, username, phone, name, date</td>
 *       <td>the peer cache; row id 0 holds the self user id in hash</td></tr>
 *   <tr><td>sent_files</td><td>md5_digest, file_size, type, id, hash</td>
 *       <td>upload cache (not carried over)</td></tr>
 *   <tr><td>update_state</td><td>id PK, pts, qts, date, seq</td>
 *       <td>row 0: the account's state; other rows: channel id and its pts</td></tr>
 * </table>
 *
 * <p>The reader takes columns by name, so later schemas and extra columns are fine; entities
 * become {@link Peer}s whose type comes from the marked id ({@link PeerIds#typeOf}: Telethon
 * stores none, so bots read as users and supergroups as channels); entity names are not
 * carried. The writer creates schema 7 exactly as Telethon 1.37 does, with a real
 * {@code server_address} and {@code port} (Telethon fails on files without them).
 */
final class TelethonSessionFile {
  /** The schema version written. */
  public static final int VERSION = 7;

  private static final String WHAT = "a Telethon .session file";

  private TelethonSessionFile() {}

  /**
   * Reads a Telethon session file without changing it. The session is returned as stored
   * (an auth key may be absent before login); {@link SessionFormats#detect(Path)} also
   * validates it.
   *
   * @throws InvalidSessionFileException naming the file and what was expected and found
   */
  static PortableSession read(Path file) {
    try (Connection c = SqliteFiles.openReadOnly(file, WHAT)) {
      Set<String> tables = SqliteFiles.tables(c);
      if (!tables.contains("sessions") || !tables.contains("entities")) {
        throw new InvalidSessionFileException(file, file + ": not " + WHAT
            + " (expected tables sessions and entities; found " + String.join(", ", tables)
            + ")");
      }
      return read(file, c, tables);
    } catch (SQLException e) {
      throw new InvalidSessionFileException(file, file + ": cannot read " + WHAT + " ("
          + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads the session from a connection already open on {@code file}, whose {@code tables}
   * include {@code sessions} and {@code entities} (detection has listed them).
   */
  static PortableSession read(Path file, Connection c, Set<String> tables) throws SQLException {
    PortableSession session = readSession(file, c);
    List<Peer> peers = new ArrayList<>();
    Long selfId = readEntities(file, c, peers);
    if (selfId != null) {
      session = session.withUserId(selfId);
    }
    Map<Long, Integer> channelPts = new LinkedHashMap<>();
    UpdateState state = tables.contains("update_state")
        ? readUpdateStates(file, c, channelPts) : null;
    return session.withPeers(peers).withUpdates(state, channelPts);
  }

  private static PortableSession readSession(Path file, Connection c) throws SQLException {
    SqliteFiles.requireColumns(file, c, "sessions", "dc_id", "server_address", "port",
        "auth_key");
    boolean hasTakeout = SqliteFiles.columns(c, "sessions").contains("takeout_id");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM sessions")) {
      if (!rs.next()) {
        throw new InvalidSessionFileException(file, file
            + ": the sessions table is empty; expected one row with the DC and auth key");
      }
      int dc = (int) (long) SqliteFiles.nullableLong(rs, "dc_id");
      String address = rs.getString("server_address");
      Long port = SqliteFiles.nullableLong(rs, "port");
      AuthKey key = authKey(file, rs.getBytes("auth_key"));
      Long takeout = hasTakeout ? SqliteFiles.nullableLong(rs, "takeout_id") : null;
      PortableSession out = SessionChecks.source(dc, null, key, address,
          port == null ? null : port.intValue());
      return takeout == null ? out
          : out.withExtra(PortableSession.EXTRA_TELETHON_TAKEOUT_ID, takeout.toString());
    }
  }

  private static AuthKey authKey(Path file, byte[] key) {
    if (key == null || key.length == 0) {
      return null;
    }
    if (key.length != AuthKey.LENGTH) {
      throw new InvalidSessionFileException(file, file + ": sessions.auth_key has "
          + key.length + " bytes; expected " + AuthKey.LENGTH);
    }
    AuthKey out = AuthKey.of(key);
    java.util.Arrays.fill(key, (byte) 0);
    return out;
  }

  /** Adds every entity but row 0 to {@code peers}; returns row 0's hash (the self id). */
  private static Long readEntities(Path file, Connection c, List<Peer> peers)
      throws SQLException {
    SqliteFiles.requireColumns(file, c, "entities", "id", "hash");
    Set<String> cols = SqliteFiles.columns(c, "entities");
    Long selfId = null;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM entities ORDER BY id")) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Long hash = SqliteFiles.nullableLong(rs, "hash");
        if (id == 0) {
          selfId = hash;
          continue;
        }
        String username = cols.contains("username") ? rs.getString("username") : null;
        String phone = cols.contains("phone") ? SqliteFiles.nullableText(rs, "phone") : null;
        Long date = cols.contains("date") ? SqliteFiles.nullableLong(rs, "date") : null;
        peers.add(new Peer(id, hash, PeerIds.typeOf(id),
            username == null ? List.of() : List.of(username), phone, date == null ? 0 : date));
      }
    }
    return selfId;
  }

  private static UpdateState readUpdateStates(Path file, Connection c,
      Map<Long, Integer> channelPts) throws SQLException {
    SqliteFiles.requireColumns(file, c, "update_state", "id", "pts", "qts", "date", "seq");
    UpdateState state = null;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM update_state ORDER BY id")) {
      while (rs.next()) {
        long id = rs.getLong("id");
        int pts = (int) rs.getLong("pts");
        if (id == 0) {
          state = new UpdateState(pts, (int) rs.getLong("qts"), (int) rs.getDouble("date"),
              (int) rs.getLong("seq"));
        } else {
          channelPts.put(id, pts);
        }
      }
    }
    return state;
  }
}
