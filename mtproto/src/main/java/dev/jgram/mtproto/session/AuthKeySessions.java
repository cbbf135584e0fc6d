package dev.jgram.mtproto.session;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.Containers.Batch;
import dev.jgram.mtproto.session.Envelope.Plain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server side of one auth key: its salts, one msg_id generator for everything sent under
 * the key, and its sessions, each created by the first message of a new session_id that passes
 * the checks. Strict the way Telegram is (§3.4): {@link #receive} runs the checks in their
 * fixed order and answers a client's mistake with the notification Telegram would send.
 *
 * <p>Before calling {@link #receive}, the caller reads {@link #authKeyIdOf} of the frame: 0 is
 * a plain (key exchange) message, an unknown key gets transport error −404. A
 * {@link SessionCheckException} from {@link #receive} (length, msg_key, padding) also means
 * −404 and closing the connection.
 *
 * <p>Thread-safe: every method, and every method of its {@link ServerSession}s, holds this
 * object's lock.
 */
public final class AuthKeySessions {
  private static final int MAX_SESSIONS = 1024;

  final byte[] authKey;
  final SaltSchedule salts;
  final RandomSource random;
  final ServerOptions options;
  final MsgIdGenerator ids = new MsgIdGenerator(0);
  final Map<Long, ServerSession> sessions = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, ServerSession> eldest) {
      return size() > MAX_SESSIONS; // a server may forget a session at any time
    }
  };
  private final long authKeyId;

  /**
   * The sessions of {@code authKey}.
   *
   * @param salts the key's salt schedule (started with the key exchange's first salt)
   * @param random for padding, unique ids of new sessions
   */
  public AuthKeySessions(byte[] authKey, SaltSchedule salts, RandomSource random,
      ServerOptions options) {
    if (authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length + " bytes; expected 256");
    }
    this.authKey = authKey.clone();
    this.authKeyId = AuthKeyHashes.keyId(authKey);
    this.salts = salts;
    this.random = random;
    this.options = options;
  }

  /**
   * The auth_key_id an encrypted message starts with (little-endian int64; 0 for a plain
   * message).
   *
   * @throws SessionCheckException if the message is shorter than 8 bytes
   */
  public static long authKeyIdOf(byte[] message) {
    return Envelope.authKeyId(message);
  }

  /** The id of this key. */
  public long authKeyId() {
    return authKeyId;
  }

  /** The key's salt schedule. */
  public SaltSchedule salts() {
    return salts;
  }

  /**
   * Decrypts one client message, checks it in the order of §3.4 and reacts: notifications for
   * a rejected message, service answers, queries handed out in the receipt.
   *
   * @throws SessionCheckException if the envelope fails (length, auth_key_id, msg_key, data
   *     length, padding; answer −404 and close) or a body cannot be read at all
   */
  public synchronized ServerReceipt receive(byte[] encryptedMessage, Instant now) {
    return new ServerInbox(this, now).receive(encryptedMessage);
  }

  /** The session with this id, if the key has it. */
  public synchronized Optional<ServerSession> session(long sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /** The ids of the key's sessions. */
  public synchronized Set<Long> sessionIds() {
    return Set.copyOf(sessions.keySet());
  }

  /** Forgets a session (the server may do so at any time); true if it existed. */
  public synchronized boolean forget(long sessionId) {
    return sessions.remove(sessionId) != null;
  }

  byte[] seal(long sessionId, Batch batch, Instant now) {
    return Envelope.seal(authKey, new Plain(salts.current(now), sessionId, batch.msgId(),
        batch.seqNo(), batch.body()), Direction.SERVER_TO_CLIENT, random);
  }
}
