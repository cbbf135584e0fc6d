package dev.jgram.mtproto.session;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * The service messages a client sends on its own initiative, ready for
 * {@link ClientSession#pack}. All are sent as not content-related (even seqno), as Pyrogram
 * does; a server accepts either parity for them (§3.3).
 */
public final class ServiceMessages {
  private ServiceMessages() {}

  /** {@code ping#7abe77ec ping_id}; the server answers {@code pong} outside rpc_result. */
  public static OutgoingMessage ping(long pingId) {
    return service(TlObject.of("ping", "ping_id", pingId));
  }

  /**
   * {@code ping_delay_disconnect#f3427b8c ping_id disconnect_delay}: a ping that also makes the
   * server close the connection {@code disconnectDelaySeconds} after the last such ping.
   */
  public static OutgoingMessage pingDelayDisconnect(long pingId, int disconnectDelaySeconds) {
    return service(TlObject.of("ping_delay_disconnect", "ping_id", pingId,
        "disconnect_delay", disconnectDelaySeconds));
  }

  /** {@code get_future_salts#b921bd04 num}, num from 1 to 64. */
  public static OutgoingMessage getFutureSalts(int num) {
    if (num < 1 || num > 64) {
      throw new IllegalArgumentException("get_future_salts num " + num + "; expected 1 to 64");
    }
    return service(TlObject.of("get_future_salts", "num", num));
  }

  /** {@code msgs_state_req#da69fb52 msg_ids}: asks what became of our messages. */
  public static OutgoingMessage msgsStateReq(List<Long> msgIds) {
    return service(TlObject.of("msgs_state_req", "msg_ids", limited(msgIds)));
  }

  /** {@code msg_resend_req#7d861a08 msg_ids}: asks the server to send these again. */
  public static OutgoingMessage msgResendReq(List<Long> msgIds) {
    return service(TlObject.of("msg_resend_req", "msg_ids", limited(msgIds)));
  }

  /** {@code destroy_session#e7512126 session_id}: the server may forget that other session. */
  public static OutgoingMessage destroySession(long sessionId) {
    return service(TlObject.of("destroy_session", "session_id", sessionId));
  }

  /**
   * {@code rpc_drop_answer#58e4a740 req_msg_id}: cancel the query {@code reqMsgId}. Content-
   * related, since its answer comes in rpc_result; the session then reports
   * {@link ClientAction.Dropped} for {@code reqMsgId}.
   */
  public static OutgoingMessage rpcDropAnswer(long reqMsgId) {
    return OutgoingMessage.query(ServiceTl.encode(TlObject.of("rpc_drop_answer",
        "req_msg_id", reqMsgId)));
  }

  private static OutgoingMessage service(TlObject object) {
    return OutgoingMessage.service(ServiceTl.encode(object));
  }

  private static List<Long> limited(List<Long> msgIds) {
    if (msgIds.size() > AckQueue.MAX_IDS) {
      throw new IllegalArgumentException(msgIds.size() + " msg_ids in one request; at most "
          + AckQueue.MAX_IDS);
    }
    return List.copyOf(msgIds);
  }
}
