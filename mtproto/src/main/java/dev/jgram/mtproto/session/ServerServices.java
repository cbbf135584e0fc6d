package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.MsgIdGenerator.RESPONSE;
import static dev.jgram.mtproto.session.ServiceTl.DESTROY_SESSION;
import static dev.jgram.mtproto.session.ServiceTl.GET_FUTURE_SALTS;
import static dev.jgram.mtproto.session.ServiceTl.HTTP_WAIT;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_ACK;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_ALL_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_STATE_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_STATE_REQ;
import static dev.jgram.mtproto.session.ServiceTl.MSG_DETAILED_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSG_NEW_DETAILED_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSG_RESEND_REQ;
import static dev.jgram.mtproto.session.ServiceTl.PING;
import static dev.jgram.mtproto.session.ServiceTl.PING_DELAY_DISCONNECT;
import static dev.jgram.mtproto.session.ServiceTl.PONG;
import static dev.jgram.mtproto.session.ServiceTl.RPC_DROP_ANSWER;
import static dev.jgram.mtproto.session.ServiceTl.decode;
import static dev.jgram.mtproto.session.ServiceTl.encode;
import static dev.jgram.mtproto.session.ServiceTl.ids;
import static dev.jgram.mtproto.session.ServiceTl.msgsStateInfo;

import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.tl.TlObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The server's reaction to each service message a client sends (§3.6). Answers are queued on
 * the session: {@code pong} and {@code future_salts} outside {@code rpc_result} as Telegram
 * sends them, {@code rpc_drop_answer}'s outcome inside it.
 */
final class ServerServices {
  /** Service requests answered at once, so they need no separate acknowledgement. */
  private static final Set<Integer> ANSWERED = Set.of(MSGS_ACK, PING, PING_DELAY_DISCONNECT,
      GET_FUTURE_SALTS, MSGS_STATE_REQ, MSG_RESEND_REQ, DESTROY_SESSION, RPC_DROP_ANSWER);
  private static final Set<Integer> IGNORED = Set.of(HTTP_WAIT, MSGS_STATE_INFO, MSGS_ALL_INFO,
      MSG_DETAILED_INFO, MSG_NEW_DETAILED_INFO, PONG);

  private final ServerSession session;
  private final Instant now;
  private OptionalInt disconnectDelay = OptionalInt.empty();

  ServerServices(ServerSession session, Instant now) {
    this.session = session;
    this.now = now;
  }

  /** The delay of the last {@code ping_delay_disconnect} handled. */
  OptionalInt disconnectDelay() {
    return disconnectDelay;
  }

  /** Whether {@code body} was answered at once (needs no acknowledgement). */
  boolean answered(byte[] body) {
    return ANSWERED.contains(ServiceTl.id(body));
  }

  /** Handles a service message; false if {@code body} is not one (an API query). */
  boolean handle(long msgId, byte[] body) {
    int id = ServiceTl.id(body);
    if (IGNORED.contains(id)) {
      return true;
    }
    switch (id) {
      case MSGS_ACK -> ids(decode(body)).forEach(session.outbox::acknowledged);
      case PING -> pong(msgId, decode(body).longValue("ping_id"));
      case PING_DELAY_DISCONNECT -> {
        TlObject ping = decode(body);
        pong(msgId, ping.longValue("ping_id"));
        disconnectDelay = OptionalInt.of(ping.intValue("disconnect_delay"));
      }
      case GET_FUTURE_SALTS -> futureSalts(msgId, decode(body).intValue("num"));
      case MSGS_STATE_REQ -> reply(msgsStateInfo(msgId, states(ids(decode(body)))));
      case MSG_RESEND_REQ -> resend(msgId, ids(decode(body)));
      case DESTROY_SESSION -> destroy(decode(body).longValue("session_id"));
      case RPC_DROP_ANSWER -> drop(msgId, decode(body).longValue("req_msg_id"));
      default -> {
        return false;
      }
    }
    return true;
  }

  private void pong(long pingMsgId, long pingId) {
    reply(encode(TlObject.of("pong", "msg_id", pingMsgId, "ping_id", pingId)));
  }

  private void futureSalts(long msgId, int num) {
    List<TlObject> salts = new ArrayList<>();
    for (FutureSalt s : session.key.salts.future(now, num)) {
      salts.add(TlObject.of("future_salt", "valid_since", (int) s.validSince().getEpochSecond(),
          "valid_until", (int) s.validUntil().getEpochSecond(), "salt", s.salt()));
    }
    reply(encode(TlObject.of("future_salts", "req_msg_id", msgId,
        "now", (int) now.getEpochSecond(), "salts", salts)));
  }

  /** Re-sends our messages the client asks for; names them in msgs_state_info if one is gone. */
  private void resend(long msgId, List<Long> asked) {
    byte[] info = new byte[asked.size()];
    boolean unknown = false;
    for (int i = 0; i < info.length; i++) {
      Framed stored = session.outbox.unacked(asked.get(i));
      if (stored == null) {
        unknown = true;
        info[i] = 1;
      } else {
        session.queueAgain(stored);
        info[i] = 4;
      }
    }
    if (unknown) {
      reply(msgsStateInfo(msgId, info));
    }
  }

  private void destroy(long target) {
    boolean existed = target != session.sessionId && session.key.sessions.remove(target) != null;
    reply(encode(TlObject.of(existed ? "destroy_session_ok" : "destroy_session_none",
        "session_id", target)));
  }

  /** rpc_drop_answer: dropped while running, dropped before delivery, or unknown. */
  private void drop(long msgId, long reqMsgId) {
    byte[] outcome;
    Framed answer = session.outbox.answerTo(reqMsgId);
    if (session.pending.remove(reqMsgId)) {
      session.acks.remove(reqMsgId);
      outcome = encode(TlObject.of("rpc_answer_dropped_running"));
      session.queueAnswer(reqMsgId, outcome, now); // the query's own answer, too (§3.6)
    } else if (answer != null && session.outbox.drop(answer.msgId()) != null) {
      outcome = encode(TlObject.of("rpc_answer_dropped", "msg_id", answer.msgId(),
          "seq_no", answer.seqNo(), "bytes", answer.body().length));
    } else {
      outcome = encode(TlObject.of("rpc_answer_unknown"));
    }
    session.queueAnswer(msgId, outcome, now);
  }

  /**
   * msgs_state_info bytes for the client's ids: 1..4 from the received window, +16 for a
   * message that needs no ack, +32 for a query being processed or done, +64 once answered.
   */
  private byte[] states(List<Long> asked) {
    byte[] info = new byte[asked.size()];
    for (int i = 0; i < info.length; i++) {
      long id = asked.get(i);
      int state = session.received.state(id);
      if (state == 4) {
        Integer seqNo = session.received.seqNo(id);
        state += (seqNo & 1) == 0 ? 16 : 0;
        state += session.pending.contains(id) ? 32 : 0;
        state += session.outbox.answerTo(id) != null ? 32 + 64 : 0;
      }
      info[i] = (byte) state;
    }
    return info;
  }

  private void reply(byte[] body) {
    session.queue(body, false, RESPONSE, now);
  }
}
