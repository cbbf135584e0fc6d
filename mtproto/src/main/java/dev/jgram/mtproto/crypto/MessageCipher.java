package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MTProto 2.0 encryption of a whole message, in either direction.
 *
 * <p>The plaintext the caller hands in (and gets back) is the inner message:
 *
 * <pre>
 * | offset | length | field                              |
 * |--------|--------|------------------------------------|
 * | 0      | 8      | salt                               |
 * | 8      | 8      | session_id                         |
 * | 16     | 8      | msg_id                             |
 * | 24     | 4      | seq_no                             |
 * | 28     | 4      | message_data_length (LE, mult. of 4) |
 * | 32     | L      | message_data                       |
 * </pre>
 *
 * <p>Encryption appends 12..27 random padding bytes so the total is a multiple of 16 and
 * produces:
 *
 * <pre>
 * | offset | length | field                                  |
 * |--------|--------|----------------------------------------|
 * | 0      | 8      | auth_key_id                            |
 * | 8      | 16     | msg_key                                |
 * | 24     | n*16   | AES-256-IGE(plaintext + padding)       |
 * </pre>
 *
 * <p>Decryption checks, as the security guidelines demand, the auth_key_id, the length, that
 * msg_key equals the one recomputed over the decrypted bytes, and that the padding is 12 to
 * 1024 bytes long; any failure is a {@link SecurityCheckException}.
 */
public final class MessageCipher {
  private static final int HEADER = 32;
  private static final int MIN_PADDING = 12;
  private static final int MAX_PADDING = 1024;

  private MessageCipher() {}

  /** Encrypts {@code plaintext} (the inner message above) for {@code direction}. */
  public static byte[] encrypt(byte[] authKey, byte[] plaintext, Direction direction,
      RandomSource random) {
    int padding = MIN_PADDING + Math.floorMod(-(plaintext.length + MIN_PADDING), 16);
    byte[] padded = Bytes.concat(plaintext, random.bytes(padding));
    byte[] msgKey = MessageKeys.msgKey(authKey, padded, direction);
    AesKeyIv keyIv = MessageKeys.aesKeyIv(authKey, msgKey, direction);
    byte[] out = new byte[24 + padded.length];
    System.arraycopy(AuthKeyHashes.keyIdBytes(authKey), 0, out, 0, 8);
    System.arraycopy(msgKey, 0, out, 8, 16);
    AesIge.encrypt(padded, 0, padded.length, keyIv.key(), keyIv.iv(), out, 24);
    return out;
  }

  /**
   * Decrypts a message that travelled in {@code direction}; returns the inner message
   * without its padding.
   *
   * @throws SecurityCheckException if any check of the class description fails
   */
  public static byte[] decrypt(byte[] authKey, byte[] message, Direction direction) {
    if (message.length < 24 + HEADER || (message.length - 24) % 16 != 0) {
      throw new SecurityCheckException("encrypted message is " + message.length
          + " bytes; expected 24 + a positive multiple of 16, at least 56");
    }
    byte[] keyId = AuthKeyHashes.keyIdBytes(authKey);
    if (!Arrays.equals(keyId, 0, 8, message, 0, 8)) {
      throw new SecurityCheckException("auth_key_id of the message does not match the auth key");
    }
    byte[] msgKey = Bytes.slice(message, 8, 16);
    AesKeyIv keyIv = MessageKeys.aesKeyIv(authKey, msgKey, direction);
    byte[] padded = AesIge.decrypt(message, 24, message.length - 24, keyIv.key(), keyIv.iv());
    if (!MessageDigest.isEqual(msgKey, MessageKeys.msgKey(authKey, padded, direction))) {
      throw new SecurityCheckException(
          "msg_key mismatch: the decrypted message hashes to a different msg_key");
    }
    int length = Bytes.littleEndianInt(padded, 28);
    long padding = (long) padded.length - HEADER - length;
    if (length < 0 || length % 4 != 0 || padding < MIN_PADDING || padding > MAX_PADDING) {
      throw new SecurityCheckException("bad padding length: message_data_length " + length
          + " leaves " + padding + " padding bytes; expected 12 to 1024 and a length divisible by 4");
    }
    return Arrays.copyOf(padded, HEADER + length);
  }
}
