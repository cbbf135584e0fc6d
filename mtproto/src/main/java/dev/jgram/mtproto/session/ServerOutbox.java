package dev.jgram.mtproto.session;

import dev.jgram.mtproto.session.Containers.Framed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content-related messages a server session sent and the client has not acknowledged (for
 * {@code msg_resend_req} and {@code rpc_drop_answer}), and the answers of recent queries (for
 * duplicate queries). Both are bounded; the oldest entries go first.
 */
final class ServerOutbox {
  private final Map<Long, Framed> unacked;
  private final Map<Long, Framed> answers;

  ServerOutbox(int capacity) {
    this.unacked = bounded(capacity);
    this.answers = bounded(capacity);
  }

  void store(Framed message) {
    unacked.put(message.msgId(), message);
  }

  void storeAnswer(long reqMsgId, Framed answer) {
    store(answer);
    answers.put(reqMsgId, answer);
  }

  /** The stored answer to query {@code reqMsgId}, or null. */
  Framed answerTo(long reqMsgId) {
    return answers.get(reqMsgId);
  }

  /** A message sent and not yet acknowledged, or null. */
  Framed unacked(long msgId) {
    return unacked.get(msgId);
  }

  void acknowledged(long msgId) {
    unacked.remove(msgId);
  }

  /** Drops an unacknowledged message so it is never re-sent; returns it, or null. */
  Framed drop(long msgId) {
    return unacked.remove(msgId);
  }

  private static <V> Map<Long, V> bounded(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
