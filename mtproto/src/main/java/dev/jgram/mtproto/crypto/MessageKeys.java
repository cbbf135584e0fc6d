package dev.jgram.mtproto.crypto;

import java.security.MessageDigest;

/**
 * The MTProto 2.0 derivations of msg_key and of the AES key and IV from it.
 *
 * <pre>
 * msg_key_large = SHA256(substr(auth_key, 88+x, 32) + plaintext + random_padding)
 * msg_key       = substr(msg_key_large, 8, 16)
 * sha256_a      = SHA256(msg_key + substr(auth_key, x, 36))
 * sha256_b      = SHA256(substr(auth_key, 40+x, 36) + msg_key)
 * aes_key       = substr(sha256_a, 0, 8) + substr(sha256_b, 8, 16) + substr(sha256_a, 24, 8)
 * aes_iv        = substr(sha256_b, 0, 8) + substr(sha256_a, 8, 16) + substr(sha256_b, 24, 8)
 * </pre>
 *
 * where x is {@link Direction#x()}.
 */
public final class MessageKeys {
  private MessageKeys() {}

  /** msg_key of a padded plaintext sent in {@code direction}. */
  public static byte[] msgKey(byte[] authKey, byte[] paddedPlaintext, Direction direction) {
    return msgKey(authKey, paddedPlaintext, 0, paddedPlaintext.length, direction);
  }

  /** msg_key of {@code length} padded plaintext bytes at {@code offset}. */
  static byte[] msgKey(byte[] authKey, byte[] data, int offset, int length,
      Direction direction) {
    requireAuthKey(authKey);
    MessageDigest sha256 = Hashes.sha256();
    sha256.update(authKey, 88 + direction.x(), 32);
    sha256.update(data, offset, length);
    return Bytes.slice(sha256.digest(), 8, 16);
  }

  /** The AES-256-IGE key and IV for a message with {@code msgKey} sent in {@code direction}. */
  public static AesKeyIv aesKeyIv(byte[] authKey, byte[] msgKey, Direction direction) {
    requireAuthKey(authKey);
    if (msgKey.length != 16) {
      throw new IllegalArgumentException("msg_key is " + msgKey.length + " bytes; expected 16");
    }
    int x = direction.x();
    MessageDigest sha256 = Hashes.sha256();
    sha256.update(msgKey);
    sha256.update(authKey, x, 36);
    byte[] a = sha256.digest();
    sha256.update(authKey, 40 + x, 36);
    sha256.update(msgKey);
    byte[] b = sha256.digest();
    byte[] key = new byte[32];
    byte[] iv = new byte[32];
    System.arraycopy(a, 0, key, 0, 8);
    System.arraycopy(b, 8, key, 8, 16);
    System.arraycopy(a, 24, key, 24, 8);
    System.arraycopy(b, 0, iv, 0, 8);
    System.arraycopy(a, 8, iv, 8, 16);
    System.arraycopy(b, 24, iv, 24, 8);
    return new AesKeyIv(key, iv);
  }

  static void requireAuthKey(byte[] authKey) {
    if (authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length + " bytes; expected 256");
    }
  }
}
