package dev.jgram.mtproto.session;

import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.MessageContainer;
import dev.jgram.mtproto.tl.TlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Packing numbered messages into {@code msg_container}s within Telegram's limits, and
 * unpacking them (§3.8). Limits: at most {@value MessageContainer#MAX_MESSAGES} messages and
 * {@value #MAX_PAYLOAD} bytes of inner messages (Telethon's {@code MessageContainer.MAXIMUM_SIZE},
 * beyond which Telegram closes the connection); a container never holds another one.
 */
final class Containers {
  /** The most bytes of inner messages (16-byte headers plus bodies) one container carries. */
  static final int MAX_PAYLOAD = 1_044_456 - 8;
  private static final int INNER_HEADER = 16;

  private Containers() {}

  /** One message with its id and seqno, inside a container or alone. */
  record Framed(long msgId, int seqNo, byte[] body) {}

  /** What one encrypted message carries: a single message, or a container of several. */
  record Batch(long msgId, int seqNo, byte[] body, List<Framed> inner) {
    boolean isContainer() {
      return !inner.isEmpty();
    }
  }

  /** Gives a container its id and seqno once its contents are numbered. */
  interface Numbering {
    long msgId(List<Framed> inner);

    int seqNo();
  }

  /**
   * Splits numbered messages into batches: alone if one (unless {@code alwaysContainer}, for a
   * re-sent message whose old id must travel inside a fresh container), else containers
   * within the limits.
   */
  static List<Batch> pack(List<Framed> messages, Numbering numbering, boolean alwaysContainer) {
    List<Batch> batches = new ArrayList<>();
    List<Framed> chunk = new ArrayList<>();
    int size = 0;
    for (Framed m : messages) {
      int cost = INNER_HEADER + m.body().length;
      if (!chunk.isEmpty() && (chunk.size() == MessageContainer.MAX_MESSAGES
          || size + cost > MAX_PAYLOAD)) {
        batches.add(batch(chunk, numbering, alwaysContainer));
        chunk = new ArrayList<>();
        size = 0;
      }
      chunk.add(m);
      size += cost;
    }
    if (!chunk.isEmpty()) {
      batches.add(batch(chunk, numbering, alwaysContainer));
    }
    return batches;
  }

  private static Batch batch(List<Framed> chunk, Numbering numbering, boolean alwaysContainer) {
    if (chunk.size() == 1 && !alwaysContainer) {
      Framed only = chunk.get(0);
      return new Batch(only.msgId(), only.seqNo(), only.body(), List.of());
    }
    List<MessageContainer.Message> inner = new ArrayList<>(chunk.size());
    for (Framed m : chunk) {
      inner.add(new MessageContainer.Message(m.msgId(), m.seqNo(), m.body()));
    }
    long msgId = numbering.msgId(chunk);
    return new Batch(msgId, numbering.seqNo(), MessageContainer.encode(inner), List.copyOf(chunk));
  }

  /**
   * The messages of a container body.
   *
   * @throws SessionCheckException {@link Check#NESTED_CONTAINER} if one is a container itself,
   *     {@link Check#MALFORMED_BODY} if the container cannot be read
   */
  static List<Framed> unpack(byte[] container) {
    List<MessageContainer.Message> messages;
    try {
      messages = MessageContainer.decode(container);
    } catch (TlException e) {
      throw new SessionCheckException(Check.MALFORMED_BODY,
          "msg_container does not decode: " + e.getMessage(), e);
    }
    List<Framed> framed = new ArrayList<>(messages.size());
    for (MessageContainer.Message m : messages) {
      byte[] body = m.body();
      if (body.length >= 4 && ServiceTl.id(body) == MessageContainer.ID) {
        throw new SessionCheckException(Check.NESTED_CONTAINER, String.format(
            "message %d in the container is itself a msg_container; containers do not nest",
            m.msgId()));
      }
      framed.add(new Framed(m.msgId(), m.seqNo(), body));
    }
    return framed;
  }
}
