package dev.jgram.mtproto.crypto;

/**
 * The values MTProto derives from an auth key by SHA-1.
 *
 * <pre>
 * | value          | bytes of SHA1(auth_key)  | as a long       |
 * |----------------|--------------------------|-----------------|
 * | auth_key_id    | 12..19 (lower 64 bits)   | little-endian   |
 * | auth_key_aux_hash | 0..7 (higher 64 bits) | little-endian   |
 *
 * new_nonce_hashN = substr(SHA1(new_nonce + byte(N) + auth_key_aux_hash), 4, 16)
 *   N = 1 for dh_gen_ok, 2 for dh_gen_retry, 3 for dh_gen_fail
 * </pre>
 */
public final class AuthKeyHashes {
  /**
   * The last key and its id, per thread: every message a session encrypts or decrypts needs
   * the id of the same key, and comparing 256 bytes costs a tenth of hashing them.
   */
  private static final ThreadLocal<byte[][]> LAST_KEY_ID = ThreadLocal.withInitial(
      () -> new byte[2][]);

  private AuthKeyHashes() {}

  /** The 8 auth_key_id bytes as they appear on the wire. */
  public static byte[] keyIdBytes(byte[] authKey) {
    MessageKeys.requireAuthKey(authKey);
    byte[][] last = LAST_KEY_ID.get();
    if (!java.util.Arrays.equals(last[0], authKey)) {
      last[1] = Bytes.slice(Hashes.sha1(authKey), 12, 8);
      last[0] = authKey.clone();
    }
    return last[1].clone();
  }

  /** auth_key_id as the little-endian long MTProto reads. */
  public static long keyId(byte[] authKey) {
    return Bytes.littleEndianLong(keyIdBytes(authKey), 0);
  }

  /** The 8 auth_key_aux_hash bytes. */
  public static byte[] auxHashBytes(byte[] authKey) {
    MessageKeys.requireAuthKey(authKey);
    return Bytes.slice(Hashes.sha1(authKey), 0, 8);
  }

  /** new_nonce_hash1, 2 or 3, the 16 bytes dh_gen_ok / retry / fail carry. */
  public static byte[] newNonceHash(byte[] authKey, byte[] newNonce, int number) {
    if (number < 1 || number > 3) {
      throw new IllegalArgumentException("new_nonce_hash number is " + number
          + "; expected 1, 2 or 3");
    }
    byte[] sha = Hashes.sha1(newNonce, new byte[] {(byte) number}, auxHashBytes(authKey));
    return Bytes.slice(sha, 4, 16);
  }
}
