package dev.jgram.mtproto.session;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.crypto.MessageCipher;
import dev.jgram.mtproto.crypto.MessageKeys;
import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlWriter;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One encrypted message taken apart and put together (§3.1), with the envelope checks in the
 * order the security guidelines give them.
 *
 * <pre>
 * | offset | length | field                                         |
 * |--------|--------|-----------------------------------------------|
 * | 0      | 8      | auth_key_id                                   |
 * | 8      | 16     | msg_key                                       |
 * | 24     | n*16   | AES-256-IGE of the plaintext below            |
 * plaintext:
 * | 0      | 8      | salt                                          |
 * | 8      | 8      | session_id                                    |
 * | 16     | 8      | msg_id                                        |
 * | 24     | 4      | seq_no                                        |
 * | 28     | 4      | message_data_length L                         |
 * | 32     | L      | message_data                                  |
 * | 32+L   | 12..1024 | padding                                     |
 * </pre>
 */
final class Envelope {
  static final int HEADER = 32;
  private static final int MIN_PADDING = 12;
  private static final int MAX_PADDING = 1024;

  private Envelope() {}

  /** The decrypted fields of one message. */
  record Plain(long salt, long sessionId, long msgId, int seqNo, byte[] body) {}

  /** The auth_key_id of an encrypted message, read as a little-endian int64. */
  static long authKeyId(byte[] message) {
    if (message.length < 8) {
      throw new SessionCheckException(Check.MESSAGE_LENGTH, "message of " + message.length
          + " bytes has no auth_key_id; expected at least 8 bytes");
    }
    return new TlReader(message, 0, 8).readLong();
  }

  /** Encrypts one message for {@code direction}. */
  static byte[] seal(byte[] authKey, Plain plain, Direction direction, RandomSource random) {
    byte[] inner = new TlWriter().writeLong(plain.salt()).writeLong(plain.sessionId())
        .writeLong(plain.msgId()).writeInt(plain.seqNo()).writeInt(plain.body().length)
        .writeRaw(plain.body()).toByteArray();
    return MessageCipher.encrypt(authKey, inner, direction, random);
  }

  /**
   * Decrypts a message that travelled in {@code direction} and checks length, auth_key_id,
   * msg_key, data length and padding, in that order.
   *
   * @throws SessionCheckException naming the first check that failed
   */
  static Plain open(byte[] authKey, byte[] message, Direction direction) {
    if (message.length < 24 + HEADER + 16 || (message.length - 24) % 16 != 0) {
      throw new SessionCheckException(Check.MESSAGE_LENGTH, "encrypted message is "
          + message.length + " bytes; expected 24 + a multiple of 16, at least 72");
    }
    if (!MessageDigest.isEqual(AuthKeyHashes.keyIdBytes(authKey), Arrays.copyOf(message, 8))) {
      throw new SessionCheckException(Check.AUTH_KEY_ID, String.format(
          "auth_key_id %016x is not this session's key", authKeyId(message)));
    }
    byte[] msgKey = Arrays.copyOfRange(message, 8, 24);
    AesKeyIv keyIv = MessageKeys.aesKeyIv(authKey, msgKey, direction);
    byte[] padded = AesIge.decrypt(Arrays.copyOfRange(message, 24, message.length),
        keyIv.key(), keyIv.iv());
    if (!MessageDigest.isEqual(msgKey, MessageKeys.msgKey(authKey, padded, direction))) {
      throw new SessionCheckException(Check.MSG_KEY,
          "msg_key mismatch: the decrypted message hashes to a different msg_key");
    }
    return parse(padded);
  }

  private static Plain parse(byte[] padded) {
    TlReader reader = new TlReader(padded);
    long salt = reader.readLong();
    long sessionId = reader.readLong();
    long msgId = reader.readLong();
    int seqNo = reader.readInt();
    int length = reader.readInt();
    if (length < 0 || length % 4 != 0 || length > padded.length - HEADER) {
      throw new SessionCheckException(Check.DATA_LENGTH, "message_data_length " + length
          + " does not fit: expected a multiple of 4 from 0 to " + (padded.length - HEADER));
    }
    int padding = padded.length - HEADER - length;
    if (padding < MIN_PADDING || padding > MAX_PADDING) {
      throw new SessionCheckException(Check.PADDING, "padding of " + padding
          + " bytes after message_data_length " + length + "; expected 12 to 1024");
    }
    return new Plain(salt, sessionId, msgId, seqNo, reader.readRaw(length));
  }
}
