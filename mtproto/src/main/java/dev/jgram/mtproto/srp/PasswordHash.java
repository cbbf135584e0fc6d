package dev.jgram.mtproto.srp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * x = PH2(password) for one {@link SrpAlgorithm}: the result of the slow step (PBKDF2-HMAC-SHA512
 * with 100000 iterations, a noticeable fraction of a second). Compute it once per password and
 * algorithm and reuse it for every new srp_B (each {@code account.getPassword} brings a fresh
 * one) or for the verifier. It is as secret as the password: {@link #toString()} never shows it.
 */
public final class PasswordHash {
  private final SrpAlgorithm algorithm;
  private final byte[] x;

  private PasswordHash(SrpAlgorithm algorithm, byte[] x) {
    this.algorithm = algorithm;
    this.x = x;
  }

  /**
   * Hashes a password given as bytes. Does not check p and g: {@link SrpClient} and
   * {@link SrpVerifier} do before they use the result.
   */
  public static PasswordHash compute(byte[] password, SrpAlgorithm algorithm) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(algorithm, "algorithm");
    return new PasswordHash(algorithm,
        SrpMath.passwordHash(password, algorithm.salt1(), algorithm.salt2()));
  }

  /**
   * Hashes a password given as text: its UTF-8 bytes, exactly as typed. No Unicode
   * normalisation is applied, as Telegram's clients apply none, so a precomposed "é" and "e"
   * followed by a combining accent are different passwords.
   */
  public static PasswordHash compute(String password, SrpAlgorithm algorithm) {
    Objects.requireNonNull(password, "password");
    return compute(password.getBytes(StandardCharsets.UTF_8), algorithm);
  }

  /** The algorithm whose salts this hash used. */
  public SrpAlgorithm algorithm() {
    return algorithm;
  }

  /** x itself, 32 bytes; package-private so that it leaves this package only as v or M1. */
  byte[] x() {
    return x.clone();
  }

  /** Names the algorithm's salts, never x. */
  @Override
  public String toString() {
    return "PasswordHash[x=secret, algorithm=" + algorithm + "]";
  }
}
