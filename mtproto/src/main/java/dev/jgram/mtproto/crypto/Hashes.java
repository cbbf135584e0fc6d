package dev.jgram.mtproto.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 and SHA-256 over the concatenation of byte-array parts, as MTProto formulas use them.
 * Digest objects are cached per thread: looking one up costs about as much as hashing a
 * short input.
 */
public final class Hashes {
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(
      () -> instance("SHA-1"));
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(
      () -> instance("SHA-256"));

  private Hashes() {}

  /** SHA-1 of {@code parts} concatenated, 20 bytes. */
  public static byte[] sha1(byte[]... parts) {
    return digest(sha1(), parts);
  }

  /** SHA-256 of {@code parts} concatenated, 32 bytes. */
  public static byte[] sha256(byte[]... parts) {
    return digest(sha256(), parts);
  }

  /**
   * SHA-1 of {@code data}, then {@code data}, then {@code padding}: the layout the key exchange
   * encrypts (its inner data under RSA or the temporary AES key).
   */
  public static byte[] sha1Prefixed(byte[] data, byte[] padding) {
    return Bytes.concat(sha1(data), data, padding);
  }

  /** This thread's SHA-1 digest, reset; finish it with {@code digest()}. */
  static MessageDigest sha1() {
    MessageDigest digest = SHA1.get();
    digest.reset();
    return digest;
  }

  /** This thread's SHA-256 digest, reset; finish it with {@code digest()}. */
  static MessageDigest sha256() {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest;
  }

  private static byte[] digest(MessageDigest digest, byte[]... parts) {
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  private static MessageDigest instance(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
