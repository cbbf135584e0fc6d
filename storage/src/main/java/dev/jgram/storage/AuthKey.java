package dev.jgram.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 256-byte permanent MTProto authorization key of a session's home data centre.
 *
 * <p>An {@code AuthKey} compares by content and never reveals its bytes through
 * {@link #toString()}: that shows only the {@linkplain #id() key id}, which Telegram itself
 * sends in clear with every encrypted message. The bytes are copied on the way in and out.
 */
public final class AuthKey {
  /** The length of every MTProto 2.0 auth key, in bytes. */
  public static final int LENGTH = 256;
  private static final byte[] ZERO = new byte[LENGTH];

  private final byte[] bytes;
  private final long id;

  private AuthKey(byte[] bytes) {
    this.bytes = bytes;
    this.id = computeId(bytes);
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly 256 bytes long
   */
  public static AuthKey of(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("auth key is null; expected " + LENGTH + " bytes");
    }
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "auth key has " + bytes.length + " bytes; expected " + LENGTH);
    }
    return new AuthKey(bytes.clone());
  }

  /** Returns a copy of the 256 key bytes. Treat the result as a secret. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The auth key id: the last 8 bytes of SHA-1(key) (bytes 12..19 of the digest), read
   * little-endian, as MTProto puts it in front of every encrypted message.
   */
  public long id() {
    return id;
  }

  /** The key id's 8 bytes as lower-case hex, in digest order (bytes 12..19 of SHA-1). */
  public String idHex() {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (id >>> (8 * i));
    }
    return HexFormat.of().formatHex(out);
  }

  /** Whether every byte is zero (some libraries write such a key to mean "no key"). */
  public boolean isAllZero() {
    return Arrays.equals(bytes, ZERO);
  }

  /** Copies the key bytes into {@code dst} at {@code offset}. */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, LENGTH);
  }

  private static long computeId(byte[] key) {
    byte[] digest = sha1(key);
    long id = 0;
    for (int i = 7; i >= 0; i--) {
      id = (id << 8) | (digest[12 + i] & 0xffL);
    }
    return id;
  }

  static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthKey other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  /** Shows the key id only, never the key. */
  @Override
  public String toString() {
    return "AuthKey[id=" + idHex() + "]";
  }
}
