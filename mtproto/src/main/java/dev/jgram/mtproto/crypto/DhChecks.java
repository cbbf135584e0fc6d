package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.SecurityCheckException;
import java.math.BigInteger;

/**
 * The Diffie–Hellman checks of the MTProto security guidelines.
 *
 * <ul>
 *   <li>dh_prime is a 2048-bit safe prime: p and (p-1)/2 both prime. Telegram's well-known
 *       prime ({@link #TELEGRAM_PRIME}) skips the primality tests; that is the fast path.
 *   <li>g is 2..7 and generates the subgroup of order (p-1)/2, which holds iff: g = 2: p mod 8
 *       = 7; g = 3: p mod 3 = 2; g = 4: always; g = 5: p mod 5 is 1 or 4; g = 6: p mod 24 is
 *       19 or 23; g = 7: p mod 7 is 3, 5 or 6.
 *   <li>g, g_a and g_b lie strictly between 1 and p-1, and g_a, g_b strictly between
 *       2^(2048-64) and p - 2^(2048-64).
 * </ul>
 */
public final class DhChecks {
  /** Telegram's 2048-bit safe prime, sent by every production data centre. */
  public static final BigInteger TELEGRAM_PRIME = new BigInteger(
      "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f"
      + "48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37"
      + "20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64"
      + "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4"
      + "a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754"
      + "fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4"
      + "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f"
      + "0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b", 16);

  private static final int CERTAINTY = 64;
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(2048 - 64);

  private DhChecks() {}

  /**
   * Checks dh_prime and g.
   *
   * @throws SecurityCheckException naming the rule that failed
   */
  public static void checkPrimeAndGenerator(BigInteger dhPrime, int g) {
    if (dhPrime.bitLength() != 2048) {
      throw new SecurityCheckException("dh_prime has " + dhPrime.bitLength()
          + " bits; expected 2048");
    }
    checkSafePrimeAndGenerator(dhPrime, g);
  }

  /**
   * The checks of {@link #checkPrimeAndGenerator} without the length rule, so that the safe
   * prime and residue rules can be tested on small primes as published tests do.
   */
  static void checkSafePrimeAndGenerator(BigInteger dhPrime, int g) {
    if (!dhPrime.equals(TELEGRAM_PRIME)) {
      if (!dhPrime.isProbablePrime(CERTAINTY)) {
        throw new SecurityCheckException("dh_prime is not prime");
      }
      if (!dhPrime.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(CERTAINTY)) {
        throw new SecurityCheckException("dh_prime is not a safe prime: (p-1)/2 is not prime");
      }
    }
    checkGenerator(dhPrime, g);
  }

  private static void checkGenerator(BigInteger p, int g) {
    boolean ok = switch (g) {
      case 2 -> mod(p, 8) == 7;
      case 3 -> mod(p, 3) == 2;
      case 4 -> true;
      case 5 -> mod(p, 5) == 1 || mod(p, 5) == 4;
      case 6 -> mod(p, 24) == 19 || mod(p, 24) == 23;
      case 7 -> mod(p, 7) == 3 || mod(p, 7) == 5 || mod(p, 7) == 6;
      default -> throw new SecurityCheckException("g = " + g + "; expected 2 to 7");
    };
    if (!ok) {
      throw new SecurityCheckException("g = " + g
          + " does not generate the subgroup of order (p-1)/2 for this dh_prime");
    }
  }

  private static int mod(BigInteger p, int m) {
    return p.mod(BigInteger.valueOf(m)).intValue();
  }

  /**
   * Checks g_a or g_b against dh_prime: 1 &lt; value &lt; p-1 and 2^(2048-64) &lt; value &lt;
   * p - 2^(2048-64).
   *
   * @param name "g_a" or "g_b", for the message
   * @throws SecurityCheckException if the value is out of range
   */
  public static void checkPublicValue(String name, BigInteger value, BigInteger dhPrime) {
    BigInteger pMinusOne = dhPrime.subtract(BigInteger.ONE);
    if (value.compareTo(BigInteger.ONE) <= 0 || value.compareTo(pMinusOne) >= 0) {
      throw new SecurityCheckException(name + " out of range: expected 1 < " + name + " < p-1");
    }
    if (value.compareTo(MARGIN) <= 0 || value.compareTo(dhPrime.subtract(MARGIN)) >= 0) {
      throw new SecurityCheckException(name + " out of range: expected 2^(2048-64) < " + name
          + " < p - 2^(2048-64)");
    }
  }
}
