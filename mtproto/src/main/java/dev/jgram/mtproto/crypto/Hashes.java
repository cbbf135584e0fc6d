package dev.jgram.mtproto.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 and SHA-256 over the concatenation of byte-array parts, as MTProto formulas use them. */
public final class Hashes {
  private Hashes() {}

  /** SHA-1 of {@code parts} concatenated, 20 bytes. */
  public static byte[] sha1(byte[]... parts) {
    return digest("SHA-1", parts);
  }

  /** SHA-256 of {@code parts} concatenated, 32 bytes. */
  public static byte[] sha256(byte[]... parts) {
    return digest("SHA-256", parts);
  }

  private static byte[] digest(String algorithm, byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
