package dev.jgram.mtproto.crypto;

/**
 * Splits the key exchange's proof-of-work number pq into its factors p &lt; q with Brent's
 * variant of Pollard's rho. Deterministic: start values are fixed, and a new polynomial
 * constant is tried only when a run finds the trivial factor.
 *
 * <p>Arithmetic runs in the Montgomery domain of n with 64-bit words: a product a·b becomes
 * a·b·2^-64 mod n, computed from the 128-bit product by one more multiplication and no
 * division. The rho map y -&gt; y·y·2^-64 + c is as good a pseudo-random map as y² + c, and the
 * factor-revealing gcd of (x - y)·2^-64 with n equals that of x - y, since 2^64 is a unit mod
 * an odd n. About sqrt(p) ≈ 2^15.5 steps for Telegram's 31-bit factors: well under a
 * millisecond.
 */
public final class PqFactorizer {
  private static final int BATCH = 128;

  private PqFactorizer() {}

  /**
   * The factors of {@code pq}.
   *
   * @param pq a product of two primes, positive, as the server sends it (fits in 63 bits)
   * @return p and q with p &lt;= q
   * @throws IllegalArgumentException if no split into two factors greater than 1 is found
   *     (pq prime or below 4)
   */
  public static Factors factorize(long pq) {
    if (pq < 4) {
      throw new IllegalArgumentException("pq " + pq + " has no two factors greater than 1");
    }
    if (pq % 2 == 0) {
      return Factors.of(2, pq / 2);
    }
    Montgomery n = new Montgomery(pq);
    for (long c = 1; c < 64; c++) {
      long factor = brent(n, 2, c);
      if (factor != pq && factor != 1) {
        return Factors.of(factor, pq / factor);
      }
    }
    throw new IllegalArgumentException("pq " + pq + " could not be factorised; is it prime?");
  }

  private static long brent(Montgomery n, long y0, long c) {
    long y = y0;
    long x = y0;
    long ys = y0;
    long product = 1;
    long g = 1;
    for (long r = 1; g == 1; r *= 2) {
      x = y;
      for (long i = 0; i < r; i++) {
        y = n.step(y, c);
      }
      for (long k = 0; k < r && g == 1; k += BATCH) {
        ys = y;
        for (long i = 0; i < Math.min(BATCH, r - k); i++) {
          y = n.step(y, c);
          product = n.multiply(product, Math.abs(x - y));
        }
        g = gcd(product, n.modulus);
      }
    }
    if (g == n.modulus) {
      do {
        ys = n.step(ys, c);
        g = gcd(Math.abs(x - ys), n.modulus);
      } while (g == 1);
    }
    return g;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }

  /** Montgomery multiplication modulo an odd n below 2^63, with R = 2^64. */
  private static final class Montgomery {
    final long modulus;
    /** -n^-1 mod 2^64. */
    private final long negInverse;

    Montgomery(long modulus) {
      this.modulus = modulus;
      long inverse = modulus; // correct to 3 bits for odd n; each Newton step doubles that
      for (int i = 0; i < 5; i++) {
        inverse *= 2 - modulus * inverse;
      }
      this.negInverse = -inverse;
    }

    /** a·b·2^-64 mod n, for a, b in [0, n). */
    long multiply(long a, long b) {
      long high = Math.multiplyHigh(a, b); // a, b < 2^63: the signed high word is exact
      long low = a * b;
      long m = low * negInverse;
      // (a·b + m·n) / 2^64; the low words cancel, carrying 1 unless low is 0
      long t = high + unsignedMultiplyHigh(m, modulus) + (low != 0 ? 1 : 0);
      return Long.compareUnsigned(t, modulus) >= 0 ? t - modulus : t;
    }

    /** One rho step: y·y·2^-64 + c mod n. */
    long step(long y, long c) {
      long next = multiply(y, y) + c;
      return next >= modulus || next < 0 ? next - modulus : next;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
      return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
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
