package dev.jgram.mtproto;

import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlWriter;

/**
 * An unencrypted MTProto message, as the key exchange sends them.
 *
 * <pre>
 * | offset | bytes | field                                |
 * |--------|-------|--------------------------------------|
 * | 0      | 8     | auth_key_id = 0                      |
 * | 8      | 8     | message_id                           |
 * | 16     | 4     | message_data_length                  |
 * | 20     | n     | message_data, a boxed TL object      |
 * </pre>
 *
 * @param messageId the message id
 * @param body the message data
 */
public record PlainMessage(long messageId, byte[] body) {

  /** Copies the body. */
  public PlainMessage {
    body = body.clone();
  }

  /** A copy of body. */

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The wire form. */
  public byte[] encode() {
    return new TlWriter().writeLong(0).writeLong(messageId).writeInt(body.length).writeRaw(body)
        .toByteArray();
  }

  /**
   * Reads the wire form.
   *
   * @throws TlException if auth_key_id is not 0 or the length disagrees with the data
   */
  public static PlainMessage decode(byte[] data) {
    TlReader reader = new TlReader(data);
    long authKeyId = reader.readLong();
    if (authKeyId != 0) {
      throw new TlException(String.format(
          "plain message has auth_key_id %016x; expected 0", authKeyId));
    }
    long messageId = reader.readLong();
    int length = reader.readInt();
    if (length != reader.remaining()) {
      throw new TlException("plain message says message_data_length " + length + " but "
          + reader.remaining() + " bytes follow");
    }
    return new PlainMessage(messageId, reader.readRaw(length));
  }
}
