package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.ServiceTl.BAD_MSG_NOTIFICATION;
import static dev.jgram.mtproto.session.ServiceTl.BAD_SERVER_SALT;
import static dev.jgram.mtproto.session.ServiceTl.DESTROY_SESSION_NONE;
import static dev.jgram.mtproto.session.ServiceTl.DESTROY_SESSION_OK;
import static dev.jgram.mtproto.session.ServiceTl.FUTURE_SALTS;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_ACK;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_ALL_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_STATE_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSGS_STATE_REQ;
import static dev.jgram.mtproto.session.ServiceTl.MSG_CONTAINER;
import static dev.jgram.mtproto.session.ServiceTl.MSG_DETAILED_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSG_NEW_DETAILED_INFO;
import static dev.jgram.mtproto.session.ServiceTl.MSG_RESEND_REQ;
import static dev.jgram.mtproto.session.ServiceTl.NEW_SESSION_CREATED;
import static dev.jgram.mtproto.session.ServiceTl.PING;
import static dev.jgram.mtproto.session.ServiceTl.PONG;
import static dev.jgram.mtproto.session.ServiceTl.RPC_ANSWER_DROPPED;
import static dev.jgram.mtproto.session.ServiceTl.RPC_ANSWER_DROPPED_RUNNING;
import static dev.jgram.mtproto.session.ServiceTl.RPC_ANSWER_UNKNOWN;
import static dev.jgram.mtproto.session.ServiceTl.RPC_DROP_ANSWER;
import static dev.jgram.mtproto.session.ServiceTl.RPC_ERROR;
import static dev.jgram.mtproto.session.ServiceTl.RPC_RESULT;
import static dev.jgram.mtproto.session.ServiceTl.decode;
import static dev.jgram.mtproto.session.ServiceTl.encode;
import static dev.jgram.mtproto.session.ServiceTl.ids;
import static dev.jgram.mtproto.session.ServiceTl.msgsStateInfo;
import static dev.jgram.mtproto.session.ServiceTl.stateInfoBytes;

import dev.jgram.mtproto.api.RpcError;
import dev.jgram.mtproto.session.ClientAction.Reason;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.SentLog.Sent;
import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's reaction to each message of one server message (§3.6, §3.7): applies what
 * concerns the session's own state and collects {@link ClientAction}s for the caller.
 */
final class ClientInbox {
  private final ClientSession session;
  private final Instant now;
  private final List<ClientAction> actions = new ArrayList<>();

  ClientInbox(ClientSession session, Instant now) {
    this.session = session;
    this.now = now;
  }

  /** Whether a body may carry a clock correction, so the time window must not reject it. */
  static boolean mayFixClock(byte[] body) {
    int id = ServiceTl.id(body);
    return id == BAD_MSG_NOTIFICATION || id == BAD_SERVER_SALT || id == NEW_SESSION_CREATED
        || (id == MSG_CONTAINER && Containers.unpack(body).stream()
            .anyMatch(m -> m.body().length >= 4 && mayFixClock(m.body())));
  }

  List<ClientAction> handle(long msgId, int seqNo, byte[] body) {
    if (ServiceTl.id(body) == MSG_CONTAINER) {
      for (Framed inner : Containers.unpack(body)) {
        if (session.received.contains(inner.msgId())) {
          acknowledge(inner.msgId(), inner.seqNo()); // a re-sent copy: ack again, act once
          continue;
        }
        session.received.record(inner.msgId(), inner.seqNo());
        one(inner.msgId(), inner.seqNo(), inner.body());
      }
    } else {
      one(msgId, seqNo, body);
    }
    if (session.acks.size() >= ClientSession.ACK_FLUSH_THRESHOLD) {
      actions.add(new ClientAction.FlushAcks(session.acks.size()));
    }
    return actions;
  }

  private void acknowledge(long msgId, int seqNo) {
    if ((seqNo & 1) == 1) {
      session.acks.add(msgId);
    }
  }

  private void one(long msgId, int seqNo, byte[] rawBody) {
    acknowledge(msgId, seqNo);
    byte[] body = Compression.unwrap(rawBody);
    switch (ServiceTl.id(body)) {
      case RPC_RESULT -> rpcResult(body);
      case NEW_SESSION_CREATED -> newSessionCreated(decode(body));
      case BAD_SERVER_SALT -> badServerSalt(decode(body));
      case BAD_MSG_NOTIFICATION -> badMsgNotification(decode(body), msgId);
      case MSGS_ACK -> msgsAck(ids(decode(body)));
      case PING -> reply(encode(TlObject.of("pong", "msg_id", msgId,
          "ping_id", decode(body).longValue("ping_id"))));
      case PONG -> pong(decode(body));
      case FUTURE_SALTS -> futureSalts(decode(body));
      case MSGS_STATE_REQ -> reply(msgsStateInfo(msgId, states(ids(decode(body)))));
      case MSGS_STATE_INFO -> stateInfo(body);
      case MSG_RESEND_REQ -> resendRequested(msgId, ids(decode(body)));
      case MSG_DETAILED_INFO, MSG_NEW_DETAILED_INFO -> detailedInfo(decode(body));
      case DESTROY_SESSION_OK, DESTROY_SESSION_NONE -> actions.add(
          new ClientAction.SessionDestroyed(decode(body).longValue("session_id"),
              ServiceTl.id(body) == DESTROY_SESSION_OK));
      case MSGS_ALL_INFO -> { } // informational; may be ignored (§3.6)
      case MSG_CONTAINER -> throw new SessionCheckException(Check.NESTED_CONTAINER,
          "message " + msgId + " is a msg_container inside a container or gzip_packed");
      default -> actions.add(new ClientAction.Pushed(msgId, body));
    }
  }

  private void rpcResult(byte[] body) {
    TlReader reader = new TlReader(body);
    reader.readInt();
    long reqMsgId = reader.readLong();
    byte[] result = Compression.unwrap(reader.readRaw(reader.remaining()));
    Sent request = session.sent.remove(reqMsgId);
    int resultId = ServiceTl.id(result);
    if (request != null && request.message() != null
        && request.message().constructorId() == RPC_DROP_ANSWER) {
      long dropped = decode(request.message().body()).longValue("req_msg_id");
      actions.add(new ClientAction.Dropped(dropped, decode(result).name()));
    } else if (resultId == RPC_ERROR) {
      actions.add(new ClientAction.Failed(reqMsgId, RpcError.from(decode(result))));
    } else if (resultId == RPC_ANSWER_UNKNOWN || resultId == RPC_ANSWER_DROPPED_RUNNING
        || resultId == RPC_ANSWER_DROPPED) {
      actions.add(new ClientAction.Dropped(reqMsgId, decode(result).name()));
    } else {
      actions.add(new ClientAction.Result(reqMsgId, result));
    }
  }

  private void newSessionCreated(TlObject notice) {
    long salt = notice.longValue("server_salt");
    session.salts.told(salt, now);
    long first = notice.longValue("first_msg_id");
    actions.add(new ClientAction.SessionCreated(first, notice.longValue("unique_id"), salt));
    resend(session.sent.takeContentBefore(first), Reason.NEW_SESSION);
  }

  private void badServerSalt(TlObject notice) {
    long bad = notice.longValue("bad_msg_id");
    if (!session.sent.knows(bad)) {
      return; // not sent by us recently: a notice to ignore (§3.7)
    }
    long salt = notice.longValue("new_server_salt");
    session.salts.told(salt, now);
    actions.add(new ClientAction.SaltChanged(salt));
    resend(session.sent.take(bad), Reason.BAD_SERVER_SALT);
  }

  private void badMsgNotification(TlObject notice, long noticeMsgId) {
    long bad = notice.longValue("bad_msg_id");
    if (!session.sent.knows(bad)) {
      return;
    }
    int code = notice.intValue("error_code");
    List<Sent> taken = session.sent.take(bad);
    switch (code) {
      case 16, 17 -> {
        long offset = MsgIdGenerator.offsetFrom(noticeMsgId, now);
        session.ids.offsetSeconds(offset);
        actions.add(new ClientAction.ClockCorrected(offset));
        resend(taken, Reason.CLOCK_CORRECTED);
      }
      case 19 -> resend(taken, Reason.CONTAINER_ID_REUSED);
      case 20 -> resend(taken, Reason.TOO_OLD_TO_TELL);
      case 32, 33 -> {
        actions.add(new ClientAction.SessionReset(session.startNewSession(), code));
        resend(taken, Reason.SESSION_RESET);
      }
      case 48 -> resend(taken, Reason.WRONG_SALT);
      case 64 -> resend(taken, Reason.INVALID_CONTAINER);
      default -> reject(taken, code);
    }
  }

  private void resend(List<Sent> taken, Reason reason) {
    List<ClientAction.Resent> again = new ArrayList<>();
    for (Sent s : taken) {
      if (s.message() == null) {
        session.acks.addAll(s.ackIds()); // the session's own acks go out again by themselves
      } else {
        again.add(new ClientAction.Resent(s.msgId(), s.message()));
      }
    }
    if (!again.isEmpty()) {
      actions.add(new ClientAction.Resend(again, reason));
    }
  }

  private void reject(List<Sent> taken, int code) {
    List<Long> failed = new ArrayList<>();
    for (Sent s : taken) {
      if (s.message() == null) {
        session.acks.addAll(s.ackIds());
      } else {
        failed.add(s.msgId());
      }
    }
    if (!failed.isEmpty()) {
      actions.add(new ClientAction.Rejected(failed, code));
    }
  }

  private void msgsAck(List<Long> msgIds) {
    List<Long> ours = msgIds.stream().filter(id -> session.sent.get(id) != null).toList();
    if (!ours.isEmpty()) {
      actions.add(new ClientAction.Acknowledged(ours));
    }
  }

  private void pong(TlObject pong) {
    long pingMsgId = pong.longValue("msg_id");
    session.sent.remove(pingMsgId);
    actions.add(new ClientAction.Pong(pingMsgId, pong.longValue("ping_id")));
  }

  private void futureSalts(TlObject answer) {
    List<FutureSalt> salts = new ArrayList<>();
    for (TlObject s : answer.<TlObject>list("salts")) {
      salts.add(new FutureSalt(Instant.ofEpochSecond(Integer.toUnsignedLong(s.intValue(
          "valid_since"))), Instant.ofEpochSecond(Integer.toUnsignedLong(
          s.intValue("valid_until"))), s.longValue("salt")));
    }
    session.salts.store(salts);
    long req = answer.longValue("req_msg_id");
    session.sent.remove(req);
    actions.add(new ClientAction.FutureSalts(req, salts));
  }

  private void stateInfo(byte[] body) {
    byte[] info = stateInfoBytes(body);
    long req = new TlReader(body, 4, 8).readLong();
    Sent request = session.sent.remove(req);
    if (request == null || request.message() == null
        || request.message().constructorId() != MSGS_STATE_REQ) {
      return;
    }
    List<Long> asked = ids(decode(request.message().body()));
    Map<Long, Integer> states = new LinkedHashMap<>();
    List<Sent> lost = new ArrayList<>();
    for (int i = 0; i < Math.min(asked.size(), info.length); i++) {
      int state = info[i] & 0xFF;
      states.put(asked.get(i), state);
      int received = state & 7;
      if (received >= 1 && received <= 3 && session.sent.get(asked.get(i)) != null) {
        lost.addAll(session.sent.take(asked.get(i)));
      }
    }
    actions.add(new ClientAction.StateInfo(req, states));
    resend(lost, Reason.NOT_RECEIVED);
  }

  private void resendRequested(long reqMsgId, List<Long> msgIds) {
    List<Sent> again = new ArrayList<>();
    boolean unknown = false;
    for (long id : msgIds) {
      Sent s = session.sent.get(id);
      if (s == null || s.message() == null) {
        unknown = true;
      } else {
        again.addAll(session.sent.take(id));
      }
    }
    resend(again, Reason.RESEND_REQUESTED);
    if (unknown) {
      reply(msgsStateInfo(reqMsgId, states(msgIds)));
    }
  }

  private void detailedInfo(TlObject info) {
    long answer = info.longValue("answer_msg_id");
    if (session.received.contains(answer)) {
      session.acks.add(answer);
    } else {
      reply(encode(TlObject.of("msg_resend_req", "msg_ids", List.of(answer))));
    }
  }

  private byte[] states(List<Long> msgIds) {
    byte[] info = new byte[msgIds.size()];
    for (int i = 0; i < info.length; i++) {
      info[i] = (byte) session.received.state(msgIds.get(i));
    }
    return info;
  }

  private void reply(byte[] body) {
    actions.add(new ClientAction.Reply(OutgoingMessage.service(body)));
  }
}
