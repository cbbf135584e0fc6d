package dev.jgram.mtproto.crypto;

import java.math.BigInteger;

/**
 * Splits the key exchange's proof-of-work number pq into its prime factors p &lt; q with
 * Brent's variant of Pollard's rho. Deterministic: start values are fixed, and a new
 * polynomial constant is tried only when a run finds the trivial factor.
 */
public final class PqFactorizer {
  private static final int BATCH = 128;

  private PqFactorizer() {}

  /**
   * The factors of {@code pq}.
   *
   * @param pq a product of two primes, positive, as the server sends it (fits in 63 bits)
   * @return p and q with p &lt;= q
   */
  public static Factors factorize(long pq) {
    if (pq < 4) {
      throw new IllegalArgumentException("pq " + pq + " has no two factors greater than 1");
    }
    if (pq % 2 == 0) {
      return Factors.of(2, pq / 2);
    }
    for (long c = 1; c < 64; c++) {
      long factor = brent(pq, 2, c);
      if (factor != pq && factor != 1) {
        return Factors.of(factor, pq / factor);
      }
    }
    throw new IllegalArgumentException("pq " + pq + " could not be factorised; is it prime?");
  }

  private static long brent(long n, long y0, long c) {
    long y = y0;
    long x = y0;
    long ys = y0;
    long product = 1;
    long g = 1;
    for (long r = 1; g == 1; r *= 2) {
      x = y;
      for (long i = 0; i < r; i++) {
        y = step(y, c, n);
      }
      for (long k = 0; k < r && g == 1; k += BATCH) {
        ys = y;
        for (long i = 0; i < Math.min(BATCH, r - k); i++) {
          y = step(y, c, n);
          product = mulMod(product, Math.abs(x - y), n);
        }
        g = gcd(product, n);
      }
    }
    if (g == n) {
      do {
        ys = step(ys, c, n);
        g = gcd(Math.abs(x - ys), n);
      } while (g == 1);
    }
    return g;
  }

  private static long step(long y, long c, long n) {
    return (mulMod(y, y, n) + c) % n;
  }

  static long mulMod(long a, long b, long n) {
    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
        .mod(BigInteger.valueOf(n)).longValue();
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  /**
   * The two factors, smaller first.
   *
   * @param p the smaller factor
   * @param q the larger factor
   */
  public record Factors(long p, long q) {
    static Factors of(long a, long b) {
      return new Factors(Math.min(a, b), Math.max(a, b));
    }
  }
}
