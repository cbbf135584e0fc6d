package dev.jgram.storage.file;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import dev.jgram.storage.format.DcAddress;
import dev.jgram.storage.format.DcAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The single-row state of a session file: the {@code sessions} row (columns by name, since a
 * migrated file has {@code api_id} last), the update state and the key revocation.
 *
 * <p>Update state is written to {@code jgram_update_state} only; a fork's {@code update_state}
 * table is read where jgram has no entry of its own, and never written, so the fork's view
 * stays its own.
 */
final class SqliteState {
  private static final long COMMON_BOX = 0;

  private final Connection c;
  private final SchemaLayout layout;
  private final boolean kurigram7;
  private final boolean writable;
  private final Statements statements;
  private final AuthKeyAtRest keys;

  /**
   * The statements of this class, each compiled at its first use (null where a table is
   * absent, or for writes when read-only).
   */
  private static final class Statements {
    final LazyStatement selectSession;
    final LazyStatement updateSession;
    final LazyStatement selectState;
    final LazyStatement selectForkState;
    final LazyStatement writeState;
    final LazyStatement writeChannelPts;
    final LazyStatement selectChannels;
    final LazyStatement selectForkChannels;
    final LazyStatement writeRevocation;
    final LazyStatement selectRevocation;

    Statements(Connection c, SchemaLayout layout, boolean writable, boolean kurigram7) {
      boolean jgram = layout.hasJgramTables();
      boolean fork = layout.hasForkUpdateState();
      selectSession = new LazyStatement(c, "SELECT * FROM sessions LIMIT 1");
      updateSession = LazyStatement.ofNullable(c, !writable ? null : "UPDATE sessions SET "
          + "dc_id = ?, api_id = ?, test_mode = ?, auth_key = ?, date = ?, user_id = ?, "
          + "is_bot = ?" + (kurigram7 ? ", server_address = COALESCE(?, server_address), "
          + "port = ?" : ""));
      selectState = LazyStatement.ofNullable(c, !jgram ? null
          : "SELECT pts, qts, date, seq FROM jgram_update_state WHERE id = " + COMMON_BOX);
      selectForkState = LazyStatement.ofNullable(c, !fork ? null
          : "SELECT pts, qts, date, seq FROM update_state WHERE id = " + COMMON_BOX);
      writeState = LazyStatement.ofNullable(c, !writable ? null : "REPLACE INTO "
          + "jgram_update_state (id, pts, qts, date, seq) VALUES (" + COMMON_BOX + ", ?, ?, ?, ?)");
      writeChannelPts = LazyStatement.ofNullable(c, !writable ? null : "INSERT INTO "
          + "jgram_update_state (id, pts) VALUES (?, ?) "
          + "ON CONFLICT (id) DO UPDATE SET pts = excluded.pts");
      selectChannels = LazyStatement.ofNullable(c, !jgram ? null : "SELECT id, pts FROM "
          + "jgram_update_state WHERE id <> " + COMMON_BOX + " AND pts IS NOT NULL");
      selectForkChannels = LazyStatement.ofNullable(c, !fork ? null : "SELECT id, pts FROM "
          + "update_state WHERE id <> " + COMMON_BOX + " AND pts IS NOT NULL");
      writeRevocation = LazyStatement.ofNullable(c, !writable ? null : "REPLACE INTO "
          + "jgram_key_revocation (id, reason, revoked_at, key_id) VALUES (0, ?, ?, ?)");
      selectRevocation = LazyStatement.ofNullable(c, !jgram ? null
          : "SELECT reason, revoked_at FROM jgram_key_revocation WHERE id = 0");
    }
  }

  SqliteState(Connection c, SchemaLayout layout, boolean writable, AuthKeyAtRest keys) {
    this.c = c;
    this.layout = layout;
    this.keys = keys;
    this.writable = writable;
    this.kurigram7 = layout.hasColumn("sessions", "server_address")
        && layout.hasColumn("sessions", "port");
    this.statements = new Statements(c, layout, writable, kurigram7);
  }

  /**
   * Reads the {@code sessions} row. An owner reads it once, at open, and then keeps the row in
   * memory, so its statement is freed again; a read-only storage reads it on every call.
   */
  Session readSession() throws SQLException {
    try (ResultSet rs = statements.selectSession.get().executeQuery()) {
      if (!rs.next()) {
        return Session.EMPTY;
      }
      Long apiId = layout.hasColumn("sessions", "api_id") ? apiId(rs) : null;
      byte[] key = rs.getBytes("auth_key");
      return new Session(integer(rs, "dc_id"), apiId, bool(rs, "test_mode"), keys.read(c, key),
          rs.getLong("date"), longOrNull(rs, "user_id"), bool(rs, "is_bot"));
    } finally {
      if (writable) {
        statements.selectSession.close();
      }
    }
  }

  /** Whether the stored row keeps its key in clear where it should be sealed. */
  boolean keyNeedsSealing() throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT auth_key FROM sessions LIMIT 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next() && keys.needsSealing(rs.getBytes(1));
    }
  }

  static AuthKey authKey(byte[] key) {
    if (key == null) {
      return null;
    }
    if (key.length != AuthKey.LENGTH) {
      throw new StorageException("sessions.auth_key has " + key.length + " bytes; expected "
          + AuthKey.LENGTH);
    }
    return AuthKey.of(key);
  }

  void writeSession(Session session) throws SQLException {
    PreparedStatement s = statements.updateSession.get();
    bind(s, session);
    if (kurigram7) {
      // kurigram 7 connects to the stored address: keep it that of the stored DC.
      boolean test = Boolean.TRUE.equals(session.testMode());
      s.setString(8, session.dcId() == null ? null
          : DcAddresses.find(session.dcId(), test).map(DcAddress::ipv4).orElse(null));
      s.setInt(9, test ? DcAddresses.TEST_PORT : DcAddresses.PRODUCTION_PORT);
    }
    if (s.executeUpdate() == 0) {
      insertSession(session);
    }
    keys.write(c, session.authKey());
  }

  private void insertSession(Session session) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO sessions (dc_id, api_id, "
        + "test_mode, auth_key, date, user_id, is_bot) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      bind(s, session);
      s.executeUpdate();
    }
  }

  /** Binds the row's seven columns; sqlite-jdbc binds a null object as NULL. */
  private void bind(PreparedStatement s, Session session) throws SQLException {
    s.setObject(1, session.dcId());
    s.setObject(2, session.apiId()); // the uint32's value, as Pyrogram stores it
    s.setObject(3, session.testMode() == null ? null : session.testMode() ? 1 : 0);
    s.setObject(4, keys.column(session.authKey()));
    s.setLong(5, session.date());
    s.setObject(6, session.userId());
    s.setObject(7, session.isBot() == null ? null : session.isBot() ? 1 : 0);
  }

  /** Frees every compiled statement; a later call compiles what it needs again. */
  void releaseStatements() throws SQLException {
    Statements s = statements;
    LazyStatement.closeAll(s.selectSession, s.updateSession, s.selectState, s.selectForkState,
        s.writeState, s.writeChannelPts, s.selectChannels, s.selectForkChannels,
        s.writeRevocation, s.selectRevocation);
  }

  Optional<UpdateState> updateState() throws SQLException {
    Optional<UpdateState> own = readState(statements.selectState);
    return own.isPresent() ? own : readState(statements.selectForkState);
  }

  private static Optional<UpdateState> readState(LazyStatement s) throws SQLException {
    if (s == null) {
      return Optional.empty();
    }
    try (ResultSet rs = s.get().executeQuery()) {
      return rs.next() ? Optional.of(new UpdateState(rs.getInt(1), rs.getInt(2), rs.getInt(3),
          rs.getInt(4))) : Optional.empty();
    }
  }

  void writeUpdateState(UpdateState state) throws SQLException {
    PreparedStatement s = statements.writeState.get();
    s.setInt(1, state.pts());
    s.setInt(2, state.qts());
    s.setInt(3, state.date());
    s.setInt(4, state.seq());
    s.executeUpdate();
  }

  OptionalInt channelPts(long channelId) throws SQLException {
    Integer pts = allChannelPts().get(channelId);
    return pts == null ? OptionalInt.empty() : OptionalInt.of(pts);
  }

  void writeChannelPts(long channelId, int pts) throws SQLException {
    PreparedStatement s = statements.writeChannelPts.get();
    s.setLong(1, PeerIds.markChannel(channelId));
    s.setInt(2, pts);
    s.executeUpdate();
  }

  /** Channel pts by bare channel id: the fork's first, overridden by jgram's own. */
  Map<Long, Integer> allChannelPts() throws SQLException {
    Map<Long, Integer> all = new HashMap<>();
    readChannels(statements.selectForkChannels, all);
    readChannels(statements.selectChannels, all);
    return all;
  }

  private static void readChannels(LazyStatement s, Map<Long, Integer> into)
      throws SQLException {
    if (s == null) {
      return;
    }
    try (ResultSet rs = s.get().executeQuery()) {
      while (rs.next()) {
        into.put(PeerIds.channelId(rs.getLong(1)), rs.getInt(2));
      }
    }
  }

  void revoke(String reason, long now, AuthKey key) throws SQLException {
    PreparedStatement s = statements.writeRevocation.get();
    s.setString(1, reason);
    s.setLong(2, now);
    s.setString(3, key == null ? null : key.idHex());
    s.executeUpdate();
  }

  Optional<String> revocation() throws SQLException {
    if (statements.selectRevocation == null) {
      return Optional.empty();
    }
    try (ResultSet rs = statements.selectRevocation.get().executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1) + " (marked dead at "
          + Instant.ofEpochSecond(rs.getLong(2)) + ")") : Optional.empty();
    }
  }

  /**
   * The api_id column as the unsigned 32-bit value Pyrogram stores (0..2<sup>32</sup>-1). A
   * negative value of 32 bits is read as the unsigned number with the same bits: that is what
   * a Java writer storing a signed {@code int} meant (the string layout holds only the bits).
   */
  private static Long apiId(ResultSet rs) throws SQLException {
    long v = rs.getLong("api_id");
    if (rs.wasNull()) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Session.MAX_API_ID) {
      throw new StorageException("sessions.api_id is " + v
          + "; expected an unsigned 32-bit value, 0 to " + Session.MAX_API_ID);
    }
    return v < 0 ? v + (1L << 32) : v;
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v != 0;
  }
}
