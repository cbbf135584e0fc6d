package dev.jgram.mtproto.tl;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code msg_container#73f1f8dc messages:vector<%Message> = MessageContainer}, several inner
 * messages in one encrypted message. Its id is not the CRC32 of that declaration, and
 * {@code message} has no id at all, so both are coded here rather than by the schema.
 *
 * <pre>
 * | bytes | field                                    |
 * |-------|------------------------------------------|
 * | 4     | dc f8 f1 73 (msg_container)              |
 * | 4     | count                                    |
 * | per message:                                     |
 * | 8     | msg_id                                   |
 * | 4     | seqno                                    |
 * | 4     | bytes, the body length (multiple of 4)   |
 * | bytes | body, a boxed object                     |
 * </pre>
 */
public final class MessageContainer {
  /** Constructor id of {@code msg_container}. */
  public static final int ID = 0x73f1f8dc;
  /** The most messages a container may hold. */
  public static final int MAX_MESSAGES = 1024;

  private MessageContainer() {}

  /**
   * One inner message.
   *
   * @param msgId its message id
   * @param seqNo its sequence number
   * @param body the serialised boxed object
   */
  public record Message(long msgId, int seqNo, byte[] body) {
    /** Copies the body. */
    public Message {
      body = body.clone();
    }

    /** A copy of body. */

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** Serialises a container of {@code messages}. */
  public static byte[] encode(List<Message> messages) {
    if (messages.size() > MAX_MESSAGES) {
      throw new TlException("container of " + messages.size() + " messages; at most "
          + MAX_MESSAGES + " allowed");
    }
    TlWriter writer = new TlWriter().writeInt(ID).writeInt(messages.size());
    for (Message m : messages) {
      writer.writeLong(m.msgId()).writeInt(m.seqNo()).writeInt(m.body.length).writeRaw(m.body);
    }
    return writer.toByteArray();
  }

  /** Reads a container, constructor id included, that fills {@code data}. */
  public static List<Message> decode(byte[] data) {
    TlReader reader = new TlReader(data);
    int id = reader.readInt();
    if (id != ID) {
      throw new TlException(String.format("msg_container id is %08x; expected 73f1f8dc", id));
    }
    int count = reader.readCount();
    if (count > MAX_MESSAGES) {
      throw new TlException("container claims " + count + " messages; at most "
          + MAX_MESSAGES + " allowed");
    }
    List<Message> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long msgId = reader.readLong();
      int seqNo = reader.readInt();
      int length = reader.readInt();
      if (length < 0 || length % 4 != 0) {
        throw new TlException("container message " + i + " has body length " + length
            + "; expected a non-negative multiple of 4");
      }
      messages.add(new Message(msgId, seqNo, reader.readRaw(length)));
    }
    if (reader.remaining() != 0) {
      throw new TlException(reader.remaining() + " bytes left after the container");
    }
    return List.copyOf(messages);
  }
}
