package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import java.security.MessageDigest;

/**
 * MTProto 1.0 message encryption, which survives in one place: the {@code encrypted_message}
 * of {@code auth.bindTempAuthKey}, encrypted with the permanent key (core.telegram.org/method/
 * auth.bindTempAuthKey). The plaintext has the layout of {@link MessageCipher}'s (salt,
 * session_id, msg_id, seq_no, length, data), but the hashes and padding differ:
 *
 * <pre>
 * msg_key = substr(SHA1(plaintext), 4, 16)      (plaintext WITHOUT padding)
 * padding = 0..15 random bytes to a multiple of 16
 * sha1_a  = SHA1(msg_key + substr(auth_key, x, 32))
 * sha1_b  = SHA1(substr(auth_key, 32+x, 16) + msg_key + substr(auth_key, 48+x, 16))
 * sha1_c  = SHA1(substr(auth_key, 64+x, 32) + msg_key)
 * sha1_d  = SHA1(msg_key + substr(auth_key, 96+x, 32))
 * aes_key = substr(sha1_a, 0, 8) + substr(sha1_b, 8, 12) + substr(sha1_c, 4, 12)
 * aes_iv  = substr(sha1_a, 8, 12) + substr(sha1_b, 0, 8) + substr(sha1_c, 16, 4)
 *           + substr(sha1_d, 0, 8)
 * message = auth_key_id (8) + msg_key (16) + AES-256-IGE(plaintext + padding)
 * </pre>
 *
 * <p>x is {@link Direction#x()}: 0 from client to server, 8 the other way.
 */
public final class Mtproto1Cipher {
  private static final int HEADER = 32;

  private Mtproto1Cipher() {}

  /** Encrypts {@code plaintext} (header and data, no padding) for {@code direction}. */
  public static byte[] encrypt(byte[] authKey, byte[] plaintext, Direction direction,
      RandomSource random) {
    MessageKeys.requireAuthKey(authKey);
    byte[] msgKey = Bytes.slice(Hashes.sha1(plaintext), 4, 16);
    byte[] padded = Bytes.concat(plaintext, random.bytes(Math.floorMod(-plaintext.length, 16)));
    AesKeyIv keyIv = aesKeyIv(authKey, msgKey, direction);
    return Bytes.concat(AuthKeyHashes.keyIdBytes(authKey), msgKey,
        AesIge.encrypt(padded, keyIv.key(), keyIv.iv()));
  }

  /**
   * Decrypts a message that travelled in {@code direction}; returns the plaintext without its
   * padding (the length is read from bytes 28..31 of the plaintext).
   *
   * @throws SecurityCheckException if the key id, the length, the padding (0..15 bytes) or the
   *     msg_key does not check out
   */
  public static byte[] decrypt(byte[] authKey, byte[] message, Direction direction) {
    if (message.length < 24 + HEADER || (message.length - 24) % 16 != 0) {
      throw new SecurityCheckException("MTProto 1.0 message is " + message.length
          + " bytes; expected 24 + a multiple of 16, at least 56");
    }
    if (!MessageDigest.isEqual(AuthKeyHashes.keyIdBytes(authKey), Bytes.slice(message, 0, 8))) {
      throw new SecurityCheckException("auth_key_id of the MTProto 1.0 message does not match"
          + " the key");
    }
    byte[] msgKey = Bytes.slice(message, 8, 16);
    AesKeyIv keyIv = aesKeyIv(authKey, msgKey, direction);
    byte[] padded = AesIge.decrypt(Bytes.slice(message, 24, message.length - 24), keyIv.key(),
        keyIv.iv());
    long length = Integer.toUnsignedLong(Bytes.littleEndianInt(padded, 28));
    long padding = padded.length - HEADER - length;
    if (length % 4 != 0 || padding < 0 || padding > 15) {
      throw new SecurityCheckException("MTProto 1.0 message_data_length " + length + " leaves "
          + padding + " padding bytes; expected 0 to 15 and a length divisible by 4");
    }
    byte[] plaintext = Bytes.slice(padded, 0, HEADER + (int) length);
    if (!MessageDigest.isEqual(msgKey, Bytes.slice(Hashes.sha1(plaintext), 4, 16))) {
      throw new SecurityCheckException("MTProto 1.0 msg_key mismatch: the decrypted message"
          + " hashes to a different msg_key");
    }
    return plaintext;
  }

  /** The MTProto 1.0 AES key and IV for {@code msgKey}. */
  static AesKeyIv aesKeyIv(byte[] authKey, byte[] msgKey, Direction direction) {
    int x = direction.x();
    byte[] a = Hashes.sha1(msgKey, Bytes.slice(authKey, x, 32));
    byte[] b = Hashes.sha1(Bytes.slice(authKey, 32 + x, 16), msgKey,
        Bytes.slice(authKey, 48 + x, 16));
    byte[] c = Hashes.sha1(Bytes.slice(authKey, 64 + x, 32), msgKey);
    byte[] d = Hashes.sha1(msgKey, Bytes.slice(authKey, 96 + x, 32));
    byte[] key = Bytes.concat(Bytes.slice(a, 0, 8), Bytes.slice(b, 8, 12), Bytes.slice(c, 4, 12));
    byte[] iv = Bytes.concat(Bytes.slice(a, 8, 12), Bytes.slice(b, 0, 8), Bytes.slice(c, 16, 4),
        Bytes.slice(d, 0, 8));
    return new AesKeyIv(key, iv);
  }
}
