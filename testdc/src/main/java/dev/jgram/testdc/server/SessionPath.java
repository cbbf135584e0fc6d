package dev.jgram.testdc.server;

import dev.jgram.mtproto.auth.ServerAuthKey;
import dev.jgram.mtproto.session.AuthKeySessions;
import dev.jgram.mtproto.session.SaltSchedule;
import dev.jgram.mtproto.session.ServerOptions;
import dev.jgram.mtproto.session.ServerReceipt;
import dev.jgram.mtproto.session.ServerSession;
import dev.jgram.mtproto.session.SessionCheckException;
import dev.jgram.testdc.event.ClusterEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encrypted messages of one DC: the session layer per auth key (strict checks, salts, service
 * messages), then every API query through {@link ApiCalls}, answers sealed by the session
 * and sent on the connection the query came on. Keeps the live sessions pushes reach, and
 * answers an authorised key used by two connections at once with {@code 406
 * AUTH_KEY_DUPLICATED} when that fault is on.
 *
 * <pre>
 * key not held (never made, forgotten, temporary and expired) -&gt; -404
 * envelope fails (length, msg_key, padding)                   -&gt; -404 and close
 * </pre>
 */
final class SessionPath {
  private final int dcId;
  private final KeyStore keys;
  private final ClusterContext context;
  private final SessionSettings settings;
  private final Map<Long, AuthKeySessions> byKey = new ConcurrentHashMap<>();
  private final Map<SessionId, LiveSession> live = new ConcurrentHashMap<>();
  private final Map<Long, DcConnection> keyUsers = new ConcurrentHashMap<>();
  private final TempKeys tempKeys;
  private volatile ApiCalls calls;

  SessionPath(int dcId, KeyStore keys, ClusterContext context, SessionSettings settings) {
    this.dcId = dcId;
    this.keys = keys;
    this.context = context;
    this.settings = settings;
    this.tempKeys = new TempKeys(keys, context.clock());
  }

  /** Where API queries go; set when the DC starts serving. */
  void calls(ApiCalls apiCalls) {
    this.calls = apiCalls;
  }

  TempKeys tempKeys() {
    return tempKeys;
  }

  /** A key exchange made {@code key}: its sessions start with the exchange's first salt. */
  void keyMade(ServerAuthKey key) {
    byKey.put(key.authKeyId(), sessionsOf(key.authKey(), key.firstSalt()));
  }

  /** One encrypted message on {@code connection}. */
  void receive(DcConnection connection, long authKeyId, byte[] frame) {
    Instant now = context.clock().instant();
    StoredKey key = keys.find(authKeyId, now.getEpochSecond());
    if (key == null) {
      byKey.remove(authKeyId);
      connection.sendError(-404);
      return;
    }
    AuthKeySessions sessions = byKey.computeIfAbsent(authKeyId,
        id -> sessionsOf(key.key(), FrameIds.longLe(context.random().bytes(8), 0)));
    ServerReceipt receipt;
    try {
      receipt = sessions.receive(frame, now);
    } catch (SessionCheckException e) {
      connection.sendError(-404);
      connection.closeAfterFlush();
      return;
    }
    connection.sendAll(receipt.replies());
    receipt.disconnectDelaySeconds().ifPresent(connection::disconnectAfter);
    receipt.session().ifPresent(session -> answer(connection, key, session, receipt, now));
  }

  private void answer(DcConnection connection, StoredKey key, ServerSession session,
      ServerReceipt receipt, Instant now) {
    LiveSession target = liveSession(connection, session);
    if (receipt.queries().isEmpty()) {
      return;
    }
    if (duplicated(connection, key)) {
      refuseDuplicate(connection, key, session, receipt, now);
      return;
    }
    long permanent = key.temporary() ? tempKeys.permanentOf(key.id()) : 0;
    ApiCalls.Caller caller = new ApiCalls.Caller(key.id(), session.sessionId(),
        key.temporary(), permanent);
    List<byte[]> out = new ArrayList<>();
    for (ServerReceipt.Query query : receipt.queries()) {
      ApiCalls.Reply reply = calls.call(connection.state(), caller, query.msgId(),
          query.body());
      out.addAll(session.answer(query.msgId(), reply.result(), now));
      context.updates().bind(target, reply.userId());
      context.counters().rpc();
    }
    connection.sendAll(out);
  }

  private LiveSession liveSession(DcConnection connection, ServerSession session) {
    SessionId id = new SessionId(session.authKeyId(), session.sessionId());
    LiveSession target = live.computeIfAbsent(id,
        k -> new LiveSession(session, connection, context));
    if (target.connection() != connection) {
      target.movedTo(connection);
    }
    connection.hosts(target, () -> {
      if (target.connection() == connection && live.remove(id, target)) {
        context.updates().unbind(target);
      }
    });
    return target;
  }

  /** Whether another open connection uses this authorised key while the fault is on. */
  private boolean duplicated(DcConnection connection, StoredKey key) {
    DcConnection other = keyUsers.putIfAbsent(key.id(), connection);
    if (other == null || other == connection) {
      return false;
    }
    if (other.isClosed()) {
      keyUsers.put(key.id(), connection);
      return false;
    }
    return context.faults().duplicateKeys() && calls.userOf(key.id()) != null;
  }

  private void refuseDuplicate(DcConnection connection, StoredKey key, ServerSession session,
      ServerReceipt receipt, Instant now) {
    List<byte[]> out = new ArrayList<>();
    for (ServerReceipt.Query query : receipt.queries()) {
      out.addAll(session.answerError(query.msgId(), 406, "AUTH_KEY_DUPLICATED", now));
      context.events().add(new ClusterEvent.Rpc(dcId, key.id(), session.sessionId(),
          connection.state().layer(), calls.methodName(connection.state(), query.body()),
          null, "AUTH_KEY_DUPLICATED"));
    }
    connection.sendAll(out);
    keys.forget(key.id());
    byKey.remove(key.id());
    keyUsers.remove(key.id());
  }

  /** Forgets a key's sessions (the key itself is forgotten by the key store). */
  void forget(long authKeyId) {
    byKey.remove(authKeyId);
    keyUsers.remove(authKeyId);
  }

  private AuthKeySessions sessionsOf(byte[] authKey, long firstSalt) {
    SaltSchedule salts = SaltSchedule.create(firstSalt, context.clock().instant(),
        settings.saltPeriod(), settings.saltGrace(), context.random());
    return new AuthKeySessions(authKey, salts, context.random(), settings.limits());
  }

  /** A session's identity: its key and the client's session_id. */
  private record SessionId(long authKeyId, long sessionId) {}
}
