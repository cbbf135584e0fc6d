package dev.jgram.storage.postgres;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Session;
import dev.jgram.storage.UpdateState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** The one-row-per-session tables: session fields, update state, channel pts, revocation. */
final class StateTables {
  private static final String UPSERT_SESSION = """
      INSERT INTO ${schema}.sessions
        (name, dc_id, api_id, test_mode, auth_key, date, user_id, is_bot)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET dc_id = excluded.dc_id, api_id = excluded.api_id,
        test_mode = excluded.test_mode, auth_key = excluded.auth_key, date = excluded.date,
        user_id = excluded.user_id, is_bot = excluded.is_bot""";

  private static final String UPSERT_STATE = """
      INSERT INTO ${schema}.update_states (session, pts, qts, date, seq) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (session) DO UPDATE SET pts = excluded.pts, qts = excluded.qts,
        date = excluded.date, seq = excluded.seq""";

  private static final String UPSERT_CHANNEL = """
      INSERT INTO ${schema}.channel_pts (session, channel_id, pts) VALUES (?, ?, ?)
      ON CONFLICT (session, channel_id) DO UPDATE SET pts = excluded.pts""";

  private static final String UPSERT_REVOCATION = """
      INSERT INTO ${schema}.key_revocations (session, reason, revoked_at) VALUES (?, ?, ?)
      ON CONFLICT (session) DO UPDATE SET reason = excluded.reason,
        revoked_at = excluded.revoked_at""";

  /** Every table holding rows of a session, and the column naming it. */
  private static final String[][] SESSION_ROWS = {
    {"usernames", "session"}, {"peers", "session"}, {"update_states", "session"},
    {"channel_pts", "session"}, {"key_revocations", "session"}, {"dc_keys", "session"},
    {"sessions", "name"}
  };

  private StateTables() {}

  /** Creates Pyrogram's initial row (data centre 2, date 0) unless the session exists. */
  static void ensureSession(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "INSERT INTO ${schema}.sessions (name, dc_id, date) VALUES (?, ?, 0)"
            + " ON CONFLICT (name) DO NOTHING"))) {
      st.setString(1, ref.session());
      st.setInt(2, Session.EMPTY.dcId());
      st.executeUpdate();
    }
  }

  /** Whether the session has a row. */
  static boolean sessionExists(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        ref.sql("SELECT 1 FROM ${schema}.sessions WHERE name = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  static Session session(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "SELECT dc_id, api_id, test_mode, auth_key, date, user_id, is_bot"
            + " FROM ${schema}.sessions WHERE name = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Session.EMPTY;
        }
        byte[] key = rs.getBytes(4);
        return new Session(
            rs.getObject(1, Integer.class),
            rs.getObject(2, Long.class),
            rs.getObject(3, Boolean.class),
            key == null ? null : AuthKey.of(key),
            rs.getLong(5),
            rs.getObject(6, Long.class),
            rs.getObject(7, Boolean.class));
      }
    }
  }

  static void session(Connection c, SessionRef ref, Session s) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(UPSERT_SESSION))) {
      st.setString(1, ref.session());
      st.setObject(2, s.dcId(), Types.INTEGER);
      st.setObject(3, s.apiId(), Types.BIGINT);
      st.setObject(4, s.testMode(), Types.BOOLEAN);
      st.setBytes(5, s.authKey() == null ? null : s.authKey().bytes());
      st.setLong(6, s.date());
      st.setObject(7, s.userId(), Types.BIGINT);
      st.setObject(8, s.isBot(), Types.BOOLEAN);
      st.executeUpdate();
    }
  }

  static void date(Connection c, SessionRef ref, long date) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        ref.sql("UPDATE ${schema}.sessions SET date = ? WHERE name = ?"))) {
      st.setLong(1, date);
      st.setString(2, ref.session());
      st.executeUpdate();
    }
  }

  static Optional<UpdateState> updateState(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "SELECT pts, qts, date, seq FROM ${schema}.update_states WHERE session = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next()
            ? Optional.of(new UpdateState(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
            : Optional.empty();
      }
    }
  }

  static void updateState(Connection c, SessionRef ref, UpdateState s) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(UPSERT_STATE))) {
      st.setString(1, ref.session());
      st.setInt(2, s.pts());
      st.setInt(3, s.qts());
      st.setInt(4, s.date());
      st.setInt(5, s.seq());
      st.executeUpdate();
    }
  }

  static OptionalInt channelPts(Connection c, SessionRef ref, long channelId)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "SELECT pts FROM ${schema}.channel_pts WHERE session = ? AND channel_id = ?"))) {
      st.setString(1, ref.session());
      st.setLong(2, channelId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  static void channelPts(Connection c, SessionRef ref, long channelId, int pts)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(UPSERT_CHANNEL))) {
      st.setString(1, ref.session());
      st.setLong(2, channelId);
      st.setInt(3, pts);
      st.executeUpdate();
    }
  }

  static Map<Long, Integer> allChannelPts(Connection c, SessionRef ref) throws SQLException {
    Map<Long, Integer> all = new TreeMap<>();
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "SELECT channel_id, pts FROM ${schema}.channel_pts WHERE session = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          all.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return all;
  }

  static void revokeKey(Connection c, SessionRef ref, String reason, long now)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(UPSERT_REVOCATION))) {
      st.setString(1, ref.session());
      st.setString(2, reason);
      st.setLong(3, now);
      st.executeUpdate();
    }
  }

  static Optional<String> keyRevocation(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "SELECT reason FROM ${schema}.key_revocations WHERE session = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The keys of other DCs, by DC id. */
  static List<DcKey> dcKeys(Connection c, SessionRef ref) throws SQLException {
    List<DcKey> keys = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(ref.sql("SELECT dc_id, auth_key, authorized"
        + " FROM ${schema}.dc_keys WHERE session = ? ORDER BY dc_id"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          keys.add(new DcKey(rs.getInt(1), AuthKey.of(rs.getBytes(2)), rs.getBoolean(3)));
        }
      }
    }
    return keys;
  }

  static void dcKey(Connection c, SessionRef ref, DcKey key) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql("INSERT INTO ${schema}.dc_keys"
        + " (session, dc_id, auth_key, authorized) VALUES (?, ?, ?, ?) ON CONFLICT"
        + " (session, dc_id) DO UPDATE SET auth_key = EXCLUDED.auth_key,"
        + " authorized = EXCLUDED.authorized"))) {
      st.setString(1, ref.session());
      st.setInt(2, key.dcId());
      st.setBytes(3, key.authKey().bytes());
      st.setBoolean(4, key.authorized());
      st.executeUpdate();
    }
  }

  static void removeDcKey(Connection c, SessionRef ref, int dcId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(
        "DELETE FROM ${schema}.dc_keys WHERE session = ? AND dc_id = ?"))) {
      st.setString(1, ref.session());
      st.setInt(2, dcId);
      st.executeUpdate();
    }
  }

  /** Deletes every row of the session, in one transaction. */
  static void deleteAll(Connection c, SessionRef ref) throws SQLException {
    Sql.inTransaction(c, tx -> {
      for (String[] table : SESSION_ROWS) {
        try (PreparedStatement st = tx.prepareStatement(ref.sql(
            "DELETE FROM ${schema}." + table[0] + " WHERE " + table[1] + " = ?"))) {
          st.setString(1, ref.session());
          st.executeUpdate();
        }
      }
      return null;
    });
  }
}
