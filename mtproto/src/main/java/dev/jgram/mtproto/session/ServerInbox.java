package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.MsgIdGenerator.RESPONSE;

import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.session.ServerReceipt.Query;
import dev.jgram.mtproto.session.ServerReceipt.Rejection;
import dev.jgram.mtproto.tl.TlObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One client message through the server's checks, in this order (§3.4; check 1, the key id,
 * is the caller's):
 *
 * <pre>
 * | #  | check                                                  | on failure               |
 * |----|--------------------------------------------------------|--------------------------|
 * | 2  | length, msg_key (x = 0), data length, padding 12..1024 | SessionCheckException    |
 * | 3  | msg_id ≡ 0 mod 4                                       | 18                       |
 * | 4  | msg_id time within −300/+30 s                          | 16 / 17                  |
 * | 5  | msg_id new; not below every kept id                    | 19 container, 20; a      |
 * |    |                                                        | duplicate query gets its |
 * |    |                                                        | stored answer again      |
 * | 6  | salt valid now                                         | bad_server_salt, 48      |
 * | 7  | new session_id: create it, queue new_session_created   | -                        |
 * | 8  | seqno parity: odd for queries, even for containers     | 35 / 34                  |
 * | 9  | seqno order against the kept ids                       | 32 / 33                  |
 * | 10 | container: not nested, inner ids below and seqnos not  | 64                       |
 * |    | above the container's, ids ≡ 0 mod 4 and distinct,     |                          |
 * |    | service bodies decode exactly                          |                          |
 * </pre>
 *
 * <p>A content-related query inside {@code gzip_packed} counts as a query (odd seqno), as
 * Telethon sends it. {@code msgs_ack}, {@code ping} and the other service requests may carry
 * either parity (mtcute acks with odd seqnos).
 */
final class ServerInbox {
  static final long PAST_WINDOW = 300;
  static final long FUTURE_WINDOW = 30;

  private final AuthKeySessions key;
  private final Instant now;
  private final List<Query> queries = new ArrayList<>();
  private ServerSession session;
  private boolean known;
  private boolean created;
  private ServerServices services;

  ServerInbox(AuthKeySessions key, Instant now) {
    this.key = key;
    this.now = now;
  }

  ServerReceipt receive(byte[] encrypted) {
    Plain p = Envelope.open(key.authKey, encrypted, Direction.CLIENT_TO_SERVER);
    session = key.sessions.get(p.sessionId());
    known = session != null;
    if (!known) {
      session = new ServerSession(key, p.sessionId());
    }
    int code = checkMsgId(p.msgId());
    if (code != 0) {
      return reject(p, code);
    }
    if (known) {
      Optional<ServerReceipt> seen = checkSeen(p);
      if (seen.isPresent()) {
        return seen.get();
      }
    }
    if (!key.salts.accepts(p.salt(), now)) {
      return rejectSalt(p);
    }
    return accept(p, ParsedMessage.parse(p));
  }

  private ServerReceipt accept(Plain p, ParsedMessage parsed) {
    if (!known) {
      createSession(p.msgId());
    }
    int code = parsed.parityCode();
    if (code == 0) {
      code = switch (session.received.order(p.msgId(), p.seqNo())) {
        case TOO_LOW -> 32;
        case TOO_HIGH -> 33;
        case OK -> 0;
      };
    }
    if (code == 0 && parsed.containerFailure() != null) {
      code = 64;
    }
    if (code != 0) {
      return reject(p, code);
    }
    session.received.record(p.msgId(), p.seqNo());
    services = new ServerServices(session, now);
    for (Framed m : parsed.messages()) {
      deliver(m, parsed.wrapped());
    }
    return receipt(Optional.empty());
  }

  /** Check 5: a container reusing an id gets 19, a repeated message its stored answer. */
  private Optional<ServerReceipt> checkSeen(Plain p) {
    return switch (session.received.classify(p.msgId())) {
      case DUPLICATE -> {
        if (ServiceTl.id(p.body()) == ServiceTl.MSG_CONTAINER) {
          yield Optional.of(reject(p, 19));
        }
        duplicate(p.msgId());
        yield Optional.of(receipt(Optional.empty()));
      }
      case TOO_OLD -> Optional.of(reject(p, 20));
      case NEW -> Optional.empty();
    };
  }

  private int checkMsgId(long msgId) {
    if ((msgId & 3) != 0) {
      return 18;
    }
    long skew = MsgIdGenerator.seconds(msgId) - now.getEpochSecond();
    if (skew < -PAST_WINDOW) {
      return 16;
    }
    return skew > FUTURE_WINDOW ? 17 : 0;
  }

  private void createSession(long firstMsgId) {
    key.sessions.put(session.sessionId, session);
    known = true;
    created = true;
    session.queue(ServiceTl.encode(TlObject.of("new_session_created", "first_msg_id",
        firstMsgId, "unique_id", ClientSession.randomLong(key.random),
        "server_salt", key.salts.current(now))), true, RESPONSE, now);
  }

  private void deliver(Framed m, boolean wrapped) {
    if (wrapped) {
      if (session.received.contains(m.msgId())) {
        duplicate(m.msgId());
        return;
      }
      session.received.record(m.msgId(), m.seqNo());
    }
    byte[] body = Compression.unwrap(m.body());
    boolean odd = (m.seqNo() & 1) == 1;
    if (services.handle(m.msgId(), body)) {
      if (odd && !services.answered(body)) {
        session.acks.add(m.msgId());
      }
      return;
    }
    session.pending.add(m.msgId());
    queries.add(new Query(m.msgId(), body));
    if (odd) {
      session.acks.add(m.msgId());
    }
  }

  /** A query seen before: its stored answer again, or msg_detailed_info for a large one. */
  private void duplicate(long msgId) {
    Framed answer = session.outbox.answerTo(msgId);
    if (answer == null) {
      return; // still running, or nothing that has an answer
    }
    if (answer.body().length <= key.options.largeAnswerBytes()) {
      session.queueAgain(answer);
    } else {
      session.queue(ServiceTl.encode(TlObject.of("msg_detailed_info", "msg_id", msgId,
          "answer_msg_id", answer.msgId(), "bytes", answer.body().length, "status", 0)),
          false, RESPONSE, now);
    }
  }

  private ServerReceipt reject(Plain p, int code) {
    session.queue(ServiceTl.encode(TlObject.of("bad_msg_notification", "bad_msg_id", p.msgId(),
        "bad_msg_seqno", p.seqNo(), "error_code", code)), false, RESPONSE, now);
    return receipt(Optional.of(new Rejection(p.msgId(), p.seqNo(), code)));
  }

  private ServerReceipt rejectSalt(Plain p) {
    session.queue(ServiceTl.encode(TlObject.of("bad_server_salt", "bad_msg_id", p.msgId(),
        "bad_msg_seqno", p.seqNo(), "error_code", 48, "new_server_salt",
        key.salts.current(now))), false, RESPONSE, now);
    return receipt(Optional.of(new Rejection(p.msgId(), p.seqNo(), 48)));
  }

  private ServerReceipt receipt(Optional<Rejection> rejection) {
    List<byte[]> replies = session.hasQueued() ? session.seal(now) : List.of();
    OptionalInt delay = services == null ? OptionalInt.empty() : services.disconnectDelay();
    return new ServerReceipt(session.sessionId, known ? Optional.of(session) : Optional.empty(),
        created, queries, replies, delay, rejection);
  }
}
