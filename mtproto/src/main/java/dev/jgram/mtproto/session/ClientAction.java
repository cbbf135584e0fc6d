package dev.jgram.mtproto.session;

import dev.jgram.mtproto.api.RpcError;
import java.util.List;
import java.util.Map;

/**
 * What {@link ClientSession#receive} found in one server message, as explicit steps for the
 * caller. The session has already applied what concerns only its own state (salt, clock
 * offset, session id, acknowledgements to send); the records that report such changes
 * ({@link SaltChanged}, {@link ClockCorrected}, {@link SessionReset}) are there for the caller
 * to persist or log. The caller carries out the rest: deliver results, re-send
 * ({@link Resend}), send a {@link Reply}, flush acknowledgements ({@link FlushAcks}).
 */
public sealed interface ClientAction {

  /** {@code rpc_result} with a result: complete the query {@code reqMsgId} with {@code body}. */
  record Result(long reqMsgId, byte[] body) implements ClientAction {
    /** Copies the body. */
    public Result {
      body = body.clone();
    }

    /** A copy of the result, unpacked if it came as {@code gzip_packed}. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** {@code rpc_result} with {@code rpc_error}: fail the query {@code reqMsgId}. */
  record Failed(long reqMsgId, RpcError error) implements ClientAction {}

  /**
   * The answer to query {@code reqMsgId} was dropped at our request ({@code rpc_drop_answer}):
   * cancel it locally. May come twice for one query: once as the answer to the drop request
   * and once as the query's own answer ({@code rpc_answer_dropped_running}).
   *
   * @param outcome {@code rpc_answer_unknown}, {@code rpc_answer_dropped_running} or
   *     {@code rpc_answer_dropped}
   */
  record Dropped(long reqMsgId, String outcome) implements ClientAction {}

  /** A content message that answers no query (pushed {@code Updates}, usually). */
  record Pushed(long msgId, byte[] body) implements ClientAction {
    /** Copies the body. */
    public Pushed {
      body = body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** {@code msgs_ack}: the server received these messages of ours (results still to come). */
  record Acknowledged(List<Long> msgIds) implements ClientAction {
    /** Copies the list. */
    public Acknowledged {
      msgIds = List.copyOf(msgIds);
    }
  }

  /** One message to send again, with the msg_id it had; it gets a new one when packed. */
  record Resent(long oldMsgId, OutgoingMessage message) {}

  /** Why messages must be sent again. */
  enum Reason {
    /** {@code bad_server_salt}: the new salt is already in use. */
    BAD_SERVER_SALT,
    /** Codes 16/17: the clock offset is already corrected. */
    CLOCK_CORRECTED,
    /** Code 19: a container reused a msg_id. */
    CONTAINER_ID_REUSED,
    /**
     * Code 20: too old for the server to tell whether it got them; re-send only what is safe
     * to repeat, or ask with {@code msgs_state_req}.
     */
    TOO_OLD_TO_TELL,
    /** Codes 32/33: the session was reset (new session_id, seqno from 0). */
    SESSION_RESET,
    /** Code 48 as a plain {@code bad_msg_notification}. */
    WRONG_SALT,
    /** Code 64: the container was invalid; send these one by one. */
    INVALID_CONTAINER,
    /** {@code new_session_created}: sent before the session's first message, maybe lost. */
    NEW_SESSION,
    /** {@code msg_resend_req} from the server. */
    RESEND_REQUESTED,
    /** {@code msgs_state_info} says the server never got them. */
    NOT_RECEIVED
  }

  /** Pack these messages again (new msg_ids) and move each query's waiter to its new id. */
  record Resend(List<Resent> messages, Reason reason) implements ClientAction {
    /** Copies the list. */
    public Resend {
      messages = List.copyOf(messages);
    }
  }

  /**
   * The server rejected these messages for a client bug (code 18 msg_id parity, 34/35 seqno
   * parity, or a code jgram does not know): fail them, do not retry.
   */
  record Rejected(List<Long> msgIds, int errorCode) implements ClientAction {
    /** Copies the list. */
    public Rejected {
      msgIds = List.copyOf(msgIds);
    }
  }

  /** The session now uses {@code salt} (already applied). */
  record SaltChanged(long salt) implements ClientAction {}

  /** The clock offset is now {@code offsetSeconds} (already applied). */
  record ClockCorrected(long offsetSeconds) implements ClientAction {}

  /** Codes 32/33: a new session was started with {@code newSessionId} (already applied). */
  record SessionReset(long newSessionId, int errorCode) implements ClientAction {}

  /**
   * {@code new_session_created}: the server started this session; updates may have been
   * missed, so the caller should fetch the difference.
   */
  record SessionCreated(long firstMsgId, long uniqueId, long serverSalt)
      implements ClientAction {}

  /** {@code pong} for our {@code ping} sent as {@code pingMsgId}. */
  record Pong(long pingMsgId, long pingId) implements ClientAction {}

  /** {@code future_salts} for our request {@code reqMsgId}; the session stored them. */
  record FutureSalts(long reqMsgId, List<FutureSalt> salts) implements ClientAction {
    /** Copies the list. */
    public FutureSalts {
      salts = List.copyOf(salts);
    }
  }

  /** {@code msgs_state_info} for our {@code msgs_state_req}: a status byte per asked id. */
  record StateInfo(long reqMsgId, Map<Long, Integer> states) implements ClientAction {
    /** Copies the map. */
    public StateInfo {
      states = Map.copyOf(states);
    }
  }

  /** {@code destroy_session_ok} ({@code existed}) or {@code destroy_session_none}. */
  record SessionDestroyed(long sessionId, boolean existed) implements ClientAction {}

  /**
   * Send this service message now ({@code pong} to a server ping, {@code msgs_state_info},
   * {@code msg_resend_req}): pack it like any other.
   */
  record Reply(OutgoingMessage message) implements ClientAction {}

  /** {@code pending} acknowledgements are waiting: pack an empty list to send them now. */
  record FlushAcks(int pending) implements ClientAction {}
}
