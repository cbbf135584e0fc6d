package dev.jgram.storage.postgres;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the peer cache of one session. */
final class PeerReads {
  /** Peers fetched per round trip by {@link #page}. */
  static final int PAGE = 1_000;

  private static final String COLUMNS =
      "p.id, p.access_hash, p.type, p.usernames, p.phone_number, p.last_update_on";

  private static final String BY_ID =
      "SELECT " + COLUMNS + " FROM ${schema}.peers p WHERE p.session = ? AND p.id = ?";

  /**
   * The newest claim of a username that its peer still makes (a dropped claim stays in the
   * table but no longer counts): by write time, then by write order (later batch, later
   * position in the batch), so a claim written in the same second as another still wins.
   */
  private static final String BY_USERNAME = "SELECT " + COLUMNS + """
       FROM ${schema}.usernames u
      JOIN ${schema}.peers p ON p.session = u.session AND p.id = u.peer_id
      WHERE u.session = ? AND u.username = ? AND u.username = ANY(p.usernames)
      ORDER BY u.last_update_on DESC, u.write_batch DESC, u.write_pos DESC
      LIMIT 1""";

  private static final String BY_PHONE = "SELECT " + COLUMNS + """
       FROM ${schema}.peers p WHERE p.session = ? AND p.phone_number = ?
      ORDER BY p.last_update_on DESC, p.id LIMIT 1""";

  private static final String PAGE_FROM = "SELECT " + COLUMNS + """
       FROM ${schema}.peers p WHERE p.session = ? AND p.id >= ?
      ORDER BY p.id LIMIT %d""".formatted(PAGE);

  private PeerReads() {}

  static Optional<Peer> byId(Connection c, SessionRef ref, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(BY_ID))) {
      st.setString(1, ref.session());
      st.setLong(2, id);
      return one(st);
    }
  }

  static Optional<Peer> byUsername(Connection c, SessionRef ref, String username)
      throws SQLException {
    return byText(c, ref, BY_USERNAME, username);
  }

  static Optional<Peer> byPhoneNumber(Connection c, SessionRef ref, String phone)
      throws SQLException {
    return byText(c, ref, BY_PHONE, phone);
  }

  private static Optional<Peer> byText(Connection c, SessionRef ref, String sql, String key)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(sql))) {
      st.setString(1, ref.session());
      st.setString(2, key);
      return one(st);
    }
  }

  static long count(Connection c, SessionRef ref) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(ref.sql("SELECT count(*) FROM ${schema}.peers WHERE session = ?"))) {
      st.setString(1, ref.session());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Appends one page of peers to {@code into}, in id order, starting at {@code fromId}.
   *
   * @return whether another page may follow
   */
  static boolean page(Connection c, SessionRef ref, long fromId, List<Peer> into)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ref.sql(PAGE_FROM))) {
      st.setString(1, ref.session());
      st.setLong(2, fromId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          into.add(peer(rs));
        }
      }
    }
    return into.size() == PAGE && into.get(PAGE - 1).id() != Long.MAX_VALUE;
  }

  private static Optional<Peer> one(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(peer(rs)) : Optional.empty();
    }
  }

  private static Peer peer(ResultSet rs) throws SQLException {
    Array names = rs.getArray(4);
    List<String> usernames = Arrays.asList((String[]) names.getArray());
    names.free();
    return new Peer(
        rs.getLong(1),
        rs.getObject(2, Long.class),
        PeerType.fromValue(rs.getString(3)),
        usernames,
        rs.getString(5),
        rs.getLong(6));
  }
}
