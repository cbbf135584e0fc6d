package dev.jgram.mtproto.session;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.Containers.Batch;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.session.SentLog.Sent;
import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.TlReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The client half of an MTProto 2.0 session, without I/O: {@link #pack} turns messages into
 * encrypted bytes to write, {@link #receive} turns encrypted bytes read into
 * {@link ClientAction}s. The caller owns the socket, the timers and the waiters of queries.
 *
 * <p>Outgoing: client msg_ids (≡ 0 mod 4, strictly increasing, corrected by the server's
 * clock), seqnos, the salt for now, pending acknowledgements added to the next message,
 * {@code gzip_packed} for queries when it saves bytes, containers within Telegram's limits.
 * Every message sent is remembered until settled, so a server notice about a msg_id (or a
 * container's) maps to exactly the messages to re-send.
 *
 * <p>Inbound checks, in order (§3.4, client): length, auth_key_id, msg_key (x = 8), data
 * length and padding 12..1024, session_id, msg_id odd, msg_id neither seen nor lower than every
 * id kept, msg_id within −300/+30 s of the corrected clock (skipped for a message carrying
 * {@code bad_msg_notification}, {@code bad_server_salt} or {@code new_session_created}, which
 * may have to correct that clock), no container inside a container. A failure throws
 * {@link SessionCheckException}: discard the message, close the connection and reconnect.
 * A message inside a container that was received before (Telegram re-sends what was not
 * acknowledged, in a new container) is acknowledged again but not acted on twice.
 *
 * <p>Not thread-safe: one connection's reader and writer must share it under one lock.
 */
public final class ClientSession {
  /** Pending acknowledgements beyond which {@link ClientAction.FlushAcks} is returned. */
  public static final int ACK_FLUSH_THRESHOLD = 16;
  /** How many server msg_ids a client keeps to detect replays. */
  public static final int KEPT_MSG_IDS = 1024;
  /** How long before the stored salts run out {@link #needsFutureSalts} turns true. */
  public static final int SALT_MARGIN_MINUTES = 10;
  static final long PAST_WINDOW = 300;
  static final long FUTURE_WINDOW = 30;

  final byte[] authKey;
  final RandomSource random;
  final MsgIdGenerator ids;
  final SeqNoCounter seqNos = new SeqNoCounter();
  final ClientSalts salts;
  final ReceivedIds received = new ReceivedIds(KEPT_MSG_IDS);
  final AckQueue acks = new AckQueue();
  final SentLog sent = new SentLog();
  long sessionId;

  private ClientSession(byte[] authKey, long sessionId, long salt, long timeOffsetSeconds,
      RandomSource random) {
    if (authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length + " bytes; expected 256");
    }
    this.authKey = authKey.clone();
    this.sessionId = sessionId;
    this.salts = new ClientSalts(salt);
    this.ids = new MsgIdGenerator(timeOffsetSeconds);
    this.random = random;
  }

  /**
   * A new session (random session_id) on {@code authKey}.
   *
   * @param salt the server salt to start with (from the key exchange; 0 if unknown, the server
   *     then answers {@code bad_server_salt})
   * @param timeOffsetSeconds server time minus local time, from the key exchange
   */
  public static ClientSession create(byte[] authKey, long salt, long timeOffsetSeconds,
      RandomSource random) {
    return new ClientSession(authKey, randomLong(random), salt, timeOffsetSeconds, random);
  }

  /** A session with a given session_id, e.g. to continue one. */
  public static ClientSession create(byte[] authKey, long sessionId, long salt,
      long timeOffsetSeconds, RandomSource random) {
    return new ClientSession(authKey, sessionId, salt, timeOffsetSeconds, random);
  }

  /** The session_id of the current session. */
  public long sessionId() {
    return sessionId;
  }

  /** The auth_key_id of the session's key. */
  public long authKeyId() {
    return AuthKeyHashes.keyId(authKey);
  }

  /** Server time minus local time, in seconds, as msg_ids use it. */
  public long timeOffsetSeconds() {
    return ids.offsetSeconds();
  }

  /** The salt messages sent at {@code now} carry. */
  public long salt(Instant now) {
    return salts.current(now);
  }

  /** The future salts stored from {@code future_salts}, to persist with the key. */
  public List<FutureSalt> futureSalts() {
    return salts.stored();
  }

  /**
   * Whether the client should send {@code get_future_salts}: no stored salt stays valid for
   * the next {@value #SALT_MARGIN_MINUTES} minutes.
   */
  public boolean needsFutureSalts(Instant now) {
    Instant horizon = now.plus(Duration.ofMinutes(SALT_MARGIN_MINUTES));
    return salts.stored().stream().noneMatch(s -> s.validUntil().isAfter(horizon));
  }

  /**
   * Stops tracking a message the caller gave up on (a query it cancelled or timed out), so a
   * later notice about it is ignored and its memory freed; true if it was tracked.
   */
  public boolean forget(long msgId) {
    return sent.remove(msgId) != null;
  }

  /** Acknowledgements waiting to go out with the next {@link #pack}. */
  public int pendingAcks() {
    return acks.size();
  }

  /**
   * Starts a new session on the same key: new random session_id, seqno from 0, received ids
   * forgotten. Messages already sent stay known, so notices about them still map.
   */
  public long startNewSession() {
    sessionId = randomLong(random);
    seqNos.reset();
    received.clear();
    acks.drain();
    return sessionId;
  }

  /**
   * Numbers, packs and encrypts {@code messages} together with the pending acknowledgements:
   * one message alone, several in containers. An empty list sends just the acknowledgements
   * (or nothing).
   */
  public Packed pack(List<OutgoingMessage> messages, Instant now) {
    sent.prune(now);
    List<Framed> framed = number(messages, now);
    List<Long> msgIds = framed.stream().map(Framed::msgId).toList();
    framed = new ArrayList<>(framed);
    for (List<Long> group : acks.drain()) {
      Framed f = new Framed(ids.next(now, MsgIdGenerator.CLIENT), seqNos.next(false),
          AckQueue.body(group));
      framed.add(f);
      sent.add(new Sent(f.msgId(), f.seqNo(), 0, null, group, now));
    }
    List<byte[]> out = new ArrayList<>();
    long salt = salts.current(now);
    for (Batch batch : Containers.pack(framed, containerNumbering(now), false)) {
      if (batch.isContainer()) {
        recordContainer(batch);
      }
      out.add(Envelope.seal(authKey, new Plain(salt, sessionId, batch.msgId(), batch.seqNo(),
          batch.body()), Direction.CLIENT_TO_SERVER, random));
    }
    return new Packed(out, msgIds);
  }

  /**
   * Decrypts and checks one server message and returns what to do about it.
   *
   * @throws SessionCheckException if a check fails; discard, close and reconnect
   */
  public List<ClientAction> receive(byte[] encryptedMessage, Instant now) {
    Plain plain = Envelope.open(authKey, encryptedMessage, Direction.SERVER_TO_CLIENT);
    checkHeader(plain, now);
    received.record(plain.msgId(), plain.seqNo());
    return new ClientInbox(this, now).handle(plain.msgId(), plain.seqNo(), plain.body());
  }

  /** Numbers the caller's messages (bodies as sent) and remembers each as sent. */
  private List<Framed> number(List<OutgoingMessage> messages, Instant now) {
    List<byte[]> bodies = wireBodies(messages);
    List<Framed> framed = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      Framed f = new Framed(ids.next(now, MsgIdGenerator.CLIENT), seqNos.next(m.contentRelated()),
          bodies.get(i));
      framed.add(f);
      sent.add(new Sent(f.msgId(), f.seqNo(), 0, m, List.of(), now));
    }
    return framed;
  }

  /** The bodies as sent: queries gzipped when that pays; each checked against the limit. */
  private static List<byte[]> wireBodies(List<OutgoingMessage> messages) {
    List<byte[]> bodies = new ArrayList<>(messages.size());
    for (OutgoingMessage m : messages) {
      byte[] body = m.contentRelated() ? Compression.packIfSmaller(m.body()) : m.body();
      if (body.length + 16 > Containers.MAX_PAYLOAD) {
        throw new IllegalArgumentException("message of " + body.length + " bytes; Telegram"
            + " closes the connection above " + (Containers.MAX_PAYLOAD - 16));
      }
      bodies.add(body);
    }
    return bodies;
  }

  private void checkHeader(Plain plain, Instant now) {
    if (plain.sessionId() != sessionId) {
      throw new SessionCheckException(Check.SESSION_ID, String.format(
          "message for session %016x; this session is %016x", plain.sessionId(), sessionId));
    }
    long msgId = plain.msgId();
    if ((msgId & 1) == 0) {
      throw new SessionCheckException(Check.MSG_ID_PARITY, "server msg_id " + msgId
          + " is even; expected 1 or 3 mod 4");
    }
    switch (received.classify(msgId)) {
      case DUPLICATE -> throw new SessionCheckException(Check.MSG_ID_REPLAYED,
          "server msg_id " + msgId + " was already received");
      case TOO_OLD -> throw new SessionCheckException(Check.MSG_ID_TOO_OLD, "server msg_id "
          + msgId + " is lower than all " + KEPT_MSG_IDS + " ids kept");
      default -> { }
    }
    long skew = MsgIdGenerator.seconds(msgId) - (now.getEpochSecond() + ids.offsetSeconds());
    if ((skew < -PAST_WINDOW || skew > FUTURE_WINDOW) && !ClientInbox.mayFixClock(plain.body())) {
      throw new SessionCheckException(Check.MSG_ID_OUTSIDE_WINDOW, "server msg_id " + msgId
          + " is " + skew + " s from the corrected clock; expected -300 to +30 s");
    }
  }

  private void recordContainer(Batch batch) {
    List<Long> inner = new ArrayList<>();
    for (Framed f : batch.inner()) {
      inner.add(f.msgId());
      Sent s = sent.get(f.msgId());
      sent.add(new Sent(s.msgId(), s.seqNo(), batch.msgId(), s.message(), s.ackIds(),
          s.sentAt()));
    }
    sent.addContainer(batch.msgId(), inner);
  }

  private Containers.Numbering containerNumbering(Instant now) {
    return new Containers.Numbering() {
      @Override
      public long msgId(List<Framed> inner) {
        return ids.next(now, MsgIdGenerator.CLIENT);
      }

      @Override
      public int seqNo() {
        return seqNos.next(false);
      }
    };
  }

  static long randomLong(RandomSource random) {
    return new TlReader(random.bytes(8)).readLong();
  }
}
