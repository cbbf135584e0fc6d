package dev.jgram.mtproto.srp;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 with HMAC-SHA512 (RFC 8018 section 5.2) over a password of arbitrary bytes. The JDK's
 * {@code PBKDF2WithHmacSHA512} takes the password as chars and encodes them itself, so it cannot
 * take PH1, which is 32 bytes of hash output; this one keys the HMAC with the bytes as they are.
 */
final class Pbkdf2 {
  private static final int BLOCK = 64;

  private Pbkdf2() {}

  /**
   * Derives {@code length} bytes.
   *
   * @param password the HMAC key, not empty
   */
  static byte[] hmacSha512(byte[] password, byte[] salt, int iterations, int length) {
    if (iterations < 1 || length < 1) {
      throw new IllegalArgumentException("PBKDF2 needs iterations >= 1 and length >= 1; got "
          + iterations + " and " + length);
    }
    Mac mac = mac(password);
    byte[] out = new byte[length];
    for (int block = 1, at = 0; at < length; block++, at += BLOCK) {
      byte[] t = block(mac, salt, iterations, block);
      System.arraycopy(t, 0, out, at, Math.min(BLOCK, length - at));
    }
    return out;
  }

  /** T_i = U_1 xor ... xor U_c, U_1 = HMAC(salt | INT(i)), U_j = HMAC(U_(j-1)). */
  private static byte[] block(Mac mac, byte[] salt, int iterations, int index) {
    mac.update(salt);
    mac.update(new byte[] {
        (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
    byte[] u = mac.doFinal();
    byte[] t = u.clone();
    try {
      for (int j = 1; j < iterations; j++) {
        mac.update(u);
        mac.doFinal(u, 0);
        for (int i = 0; i < BLOCK; i++) {
          t[i] ^= u[i];
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA512 output does not fit its own length", e);
    }
    return t;
  }

  private static Mac mac(byte[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(password, "HmacSHA512"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is missing from this JDK", e);
    }
  }
}
