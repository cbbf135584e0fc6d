package dev.jgram.mtproto.session;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the server session layer made of one client message ({@link AuthKeySessions#receive}).
 *
 * @param sessionId the client's session_id
 * @param session the session, if the message was accepted far enough to have one (a message
 *     rejected for its msg_id or salt creates none)
 * @param sessionCreated whether this message created the session
 * @param queries the API queries to answer, in order, through {@link ServerSession#answer}
 * @param replies encrypted messages to write now, in order (notifications, pong,
 *     future_salts, msgs_state_info, re-sent answers, new_session_created, ...)
 * @param disconnectDelaySeconds set by {@code ping_delay_disconnect}: close the connection
 *     this many seconds from now unless another such ping comes
 * @param rejection the notification code the whole message was rejected with, if it was
 */
public record ServerReceipt(long sessionId, Optional<ServerSession> session,
    boolean sessionCreated, List<Query> queries, List<byte[]> replies,
    OptionalInt disconnectDelaySeconds, Optional<Rejection> rejection) {

  /** Copies the lists. */
  public ServerReceipt {
    queries = List.copyOf(queries);
    replies = List.copyOf(replies);
  }

  /**
   * One API query to answer.
   *
   * @param msgId its msg_id, which the {@code rpc_result} names
   * @param body the query, unpacked if it came as {@code gzip_packed}; still wrapped in
   *     {@code invokeWithLayer}/{@code initConnection} if the client wrapped it
   */
  public record Query(long msgId, byte[] body) {
    /** Copies the body. */
    public Query {
      body = body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /**
   * A rejected client message, as the notification sent for it says.
   *
   * @param badMsgId the rejected top-level msg_id (the container's, for a container)
   * @param badMsgSeqNo its seqno
   * @param errorCode 16..35 or 64 ({@code bad_msg_notification}), 48 ({@code bad_server_salt})
   */
  public record Rejection(long badMsgId, int badMsgSeqNo, int errorCode) {}
}
