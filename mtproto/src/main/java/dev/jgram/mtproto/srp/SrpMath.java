package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.crypto.Hashes;
import java.math.BigInteger;

/**
 * The SRP formulas of core.telegram.org/api/srp, without any checks: the public classes check
 * their inputs and then call these. Numbers that are hashed are padded to {@link #SIZE} bytes.
 */
final class SrpMath {
  /** Every number that is hashed is left-padded to this many bytes. */
  static final int SIZE = 256;
  /** PBKDF2 iterations the algorithm's name fixes. */
  static final int ITERATIONS = 100_000;

  private SrpMath() {}

  /** The big-endian magnitude of {@code n}, left-padded to 256 bytes. */
  static byte[] pad(BigInteger n) {
    byte[] raw = n.toByteArray();
    int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int length = raw.length - skip;
    if (n.signum() < 0 || length > SIZE) {
      throw new IllegalArgumentException("number of " + n.bitLength()
          + " bits does not fit 256 unsigned bytes");
    }
    byte[] out = new byte[SIZE];
    System.arraycopy(raw, skip, out, SIZE - length, length);
    return out;
  }

  static BigInteger unsigned(byte[] bigEndian) {
    return new BigInteger(1, bigEndian);
  }

  /** SH(data, salt) = H(salt | data | salt). */
  static byte[] sh(byte[] data, byte[] salt) {
    return Hashes.sha256(salt, data, salt);
  }

  /** x = PH2(password) = SH(pbkdf2(SH(SH(password, salt1), salt2), salt1, 100000), salt2). */
  static byte[] passwordHash(byte[] password, byte[] salt1, byte[] salt2) {
    byte[] ph1 = sh(sh(password, salt1), salt2);
    byte[] derived = Pbkdf2.hmacSha512(ph1, salt1, ITERATIONS, 64);
    return sh(derived, salt2);
  }

  /** v = g^x mod p. */
  static BigInteger verifier(SrpAlgorithm algorithm, byte[] x) {
    return BigInteger.valueOf(algorithm.g()).modPow(unsigned(x), algorithm.prime());
  }

  /** k = H(p | g). */
  static BigInteger k(SrpAlgorithm algorithm) {
    return unsigned(Hashes.sha256(pad(algorithm.prime()), padG(algorithm)));
  }

  /** u = H(g_a | g_b). */
  static BigInteger u(BigInteger gA, BigInteger gB) {
    return unsigned(Hashes.sha256(pad(gA), pad(gB)));
  }

  /** The client's shared secret s_a = (g_b - k·v)^(a + u·x) mod p. */
  static BigInteger clientSecret(SrpAlgorithm algorithm, byte[] x, BigInteger a, BigInteger gB,
      BigInteger gA) {
    BigInteger p = algorithm.prime();
    BigInteger kv = k(algorithm).multiply(verifier(algorithm, x)).mod(p);
    BigInteger t = gB.subtract(kv).mod(p);
    return t.modPow(a.add(u(gA, gB).multiply(unsigned(x))), p);
  }

  /** The server's public value g_b = (k·v + g^b) mod p, given g^b mod p. */
  static BigInteger serverPublic(SrpAlgorithm algorithm, BigInteger v, BigInteger gToB) {
    return k(algorithm).multiply(v).add(gToB).mod(algorithm.prime());
  }

  /** The server's shared secret s_b = (g_a · v^u)^b mod p. */
  static BigInteger serverSecret(SrpAlgorithm algorithm, BigInteger v, BigInteger b,
      BigInteger gA, BigInteger gB) {
    BigInteger p = algorithm.prime();
    return gA.multiply(v.modPow(u(gA, gB), p)).mod(p).modPow(b, p);
  }

  /** M = H(H(p) xor H(g) | H(salt1) | H(salt2) | g_a | g_b | H(s)). */
  static byte[] proof(SrpAlgorithm algorithm, BigInteger gA, BigInteger gB, BigInteger s) {
    byte[] hp = Hashes.sha256(pad(algorithm.prime()));
    byte[] hg = Hashes.sha256(padG(algorithm));
    for (int i = 0; i < hp.length; i++) {
      hp[i] ^= hg[i];
    }
    return Hashes.sha256(hp, Hashes.sha256(algorithm.salt1()), Hashes.sha256(algorithm.salt2()),
        pad(gA), pad(gB), Hashes.sha256(pad(s)));
  }

  private static byte[] padG(SrpAlgorithm algorithm) {
    return pad(BigInteger.valueOf(algorithm.g()));
  }
}
