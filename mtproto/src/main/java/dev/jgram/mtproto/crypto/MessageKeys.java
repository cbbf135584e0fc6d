package dev.jgram.mtproto.crypto;

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
    requireAuthKey(authKey);
    byte[] large = Hashes.sha256(Bytes.slice(authKey, 88 + direction.x(), 32), paddedPlaintext);
    return Bytes.slice(large, 8, 16);
  }

  /** The AES-256-IGE key and IV for a message with {@code msgKey} sent in {@code direction}. */
  public static AesKeyIv aesKeyIv(byte[] authKey, byte[] msgKey, Direction direction) {
    requireAuthKey(authKey);
    if (msgKey.length != 16) {
      throw new IllegalArgumentException("msg_key is " + msgKey.length + " bytes; expected 16");
    }
    int x = direction.x();
    byte[] a = Hashes.sha256(msgKey, Bytes.slice(authKey, x, 36));
    byte[] b = Hashes.sha256(Bytes.slice(authKey, 40 + x, 36), msgKey);
    byte[] key = Bytes.concat(Bytes.slice(a, 0, 8), Bytes.slice(b, 8, 16), Bytes.slice(a, 24, 8));
    byte[] iv = Bytes.concat(Bytes.slice(b, 0, 8), Bytes.slice(a, 8, 16), Bytes.slice(b, 24, 8));
    return new AesKeyIv(key, iv);
  }

  static void requireAuthKey(byte[] authKey) {
    if (authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length + " bytes; expected 256");
    }
  }
}
