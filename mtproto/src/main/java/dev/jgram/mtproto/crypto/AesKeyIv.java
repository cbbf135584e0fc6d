package dev.jgram.mtproto.crypto;

/**
 * A 32-byte AES-256 key with a 32-byte IGE IV. Arrays are copied in and out.
 *
 * @param key the 32 key bytes
 * @param iv the 32 IGE IV bytes
 */
public record AesKeyIv(byte[] key, byte[] iv) {
  /** Copies both arrays and checks their lengths. */
  public AesKeyIv {
    if (key.length != 32 || iv.length != 32) {
      throw new IllegalArgumentException("AES key/iv are " + key.length + "/" + iv.length
          + " bytes; expected 32/32");
    }
    key = key.clone();
    iv = iv.clone();
  }

  /** A copy of key. */

  @Override
  public byte[] key() {
    return key.clone();
  }

  /** A copy of iv. */

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  @Override
  public String toString() {
    return "AesKeyIv[secret]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AesKeyIv that
        && java.util.Arrays.equals(key, that.key) && java.util.Arrays.equals(iv, that.iv);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(key) + java.util.Arrays.hashCode(iv);
  }
}
