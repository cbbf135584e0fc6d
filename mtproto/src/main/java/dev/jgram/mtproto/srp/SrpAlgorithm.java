package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fields of {@code passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow}: the
 * two salts, the generator g and the prime p (a big-endian magnitude, as sent). The record only
 * carries them; {@link #check()} applies the security rules.
 *
 * @param salt1 the first salt; a new password's salt1 is the server's followed by 32 random
 *     bytes ({@link #withRandomSalt1})
 * @param salt2 the second salt
 * @param g the generator, 2 to 7
 * @param p the 2048-bit safe prime, big-endian
 */
public record SrpAlgorithm(byte[] salt1, byte[] salt2, int g, byte[] p) {
  /** How many random bytes a client appends to new_algo.salt1 before setting a password. */
  public static final int SALT1_EXTENSION = 32;

  /** Copies the arrays. */
  public SrpAlgorithm {
    salt1 = Objects.requireNonNull(salt1, "salt1").clone();
    salt2 = Objects.requireNonNull(salt2, "salt2").clone();
    p = Objects.requireNonNull(p, "p").clone();
  }

  /**
   * A fresh algorithm as a server offers it in {@code account.password.new_algo}: Telegram's
   * prime, g = 3, an 8-byte salt1 and a 16-byte salt2 drawn from {@code random}.
   */
  public static SrpAlgorithm generate(RandomSource random) {
    byte[] salt1 = random.bytes(8);
    byte[] salt2 = random.bytes(16);
    return new SrpAlgorithm(salt1, salt2, 3, SrpMath.pad(DhChecks.TELEGRAM_PRIME));
  }

  /**
   * This algorithm with {@link #SALT1_EXTENSION} random bytes appended to salt1, as a client
   * must do with {@code new_algo} before it computes a new password's verifier.
   */
  public SrpAlgorithm withRandomSalt1(RandomSource random) {
    byte[] extended = Arrays.copyOf(salt1, salt1.length + SALT1_EXTENSION);
    byte[] extra = random.bytes(SALT1_EXTENSION);
    System.arraycopy(extra, 0, extended, salt1.length, SALT1_EXTENSION);
    return new SrpAlgorithm(extended, salt2, g, p);
  }

  /**
   * Checks that p is a 2048-bit safe prime and that g generates its subgroup of order (p-1)/2
   * (core.telegram.org/api/srp). Telegram's own prime skips the primality tests.
   *
   * @throws SrpException with {@link SrpException.Reason#PRIME_OR_GENERATOR} if a rule fails
   */
  public void check() {
    try {
      DhChecks.checkPrimeAndGenerator(prime(), g);
    } catch (SecurityCheckException e) {
      throw new SrpException(SrpException.Reason.PRIME_OR_GENERATOR,
          "SRP algorithm rejected: " + e.getMessage(), e);
    }
  }

  /** p as an unsigned number. */
  public BigInteger prime() {
    return new BigInteger(1, p);
  }

  /** A copy of salt1. */
  @Override
  public byte[] salt1() {
    return salt1.clone();
  }

  /** A copy of salt2. */
  @Override
  public byte[] salt2() {
    return salt2.clone();
  }

  /** A copy of p. */
  @Override
  public byte[] p() {
    return p.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrpAlgorithm that && g == that.g && Arrays.equals(salt1, that.salt1)
        && Arrays.equals(salt2, that.salt2) && Arrays.equals(p, that.p);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(salt1), Arrays.hashCode(salt2), g, Arrays.hashCode(p));
  }

  /** Salts in hex (they are public), g, and the size of p. */
  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "SrpAlgorithm[salt1=" + hex.formatHex(salt1) + ", salt2=" + hex.formatHex(salt2)
        + ", g=" + g + ", p=" + prime().bitLength() + " bits]";
  }
}
