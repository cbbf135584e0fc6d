package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.RandomSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The verifier v = g^x mod p of a password under one {@link SrpAlgorithm}: what a server stores
 * instead of the password, and what a client sends as {@code new_password_hash} when it sets a
 * password (with the algorithm, whose salt1 it has extended). v lets no one log in, but it lets
 * an attacker test guesses offline, so {@link #toString()} never shows it.
 */
public final class SrpVerifier {
  private final SrpAlgorithm algorithm;
  private final byte[] v;

  private SrpVerifier(SrpAlgorithm algorithm, byte[] v) {
    this.algorithm = algorithm;
    this.v = v;
  }

  /**
   * The verifier for a new password: checks {@code newAlgorithm} (the server's
   * {@code new_algo}), appends 32 bytes from {@code random} to its salt1, and computes v under
   * the extended algorithm, which {@link #algorithm()} returns.
   *
   * @throws SrpException if p or g fails the checks
   */
  public static SrpVerifier create(byte[] password, SrpAlgorithm newAlgorithm,
      RandomSource random) {
    Objects.requireNonNull(password, "password");
    newAlgorithm.check();
    return unchecked(PasswordHash.compute(password, newAlgorithm.withRandomSalt1(random)));
  }

  /** {@link #create(byte[], SrpAlgorithm, RandomSource)} for the UTF-8 bytes of a text. */
  public static SrpVerifier create(String password, SrpAlgorithm newAlgorithm,
      RandomSource random) {
    Objects.requireNonNull(password, "password");
    return create(password.getBytes(StandardCharsets.UTF_8), newAlgorithm,
        random);
  }

  /**
   * The verifier of an already computed password hash, under that hash's algorithm as it is
   * (salt1 not extended).
   *
   * @throws SrpException if p or g fails the checks
   */
  public static SrpVerifier of(PasswordHash hash) {
    hash.algorithm().check();
    return unchecked(hash);
  }

  private static SrpVerifier unchecked(PasswordHash hash) {
    BigInteger v = SrpMath.verifier(hash.algorithm(), hash.x());
    return new SrpVerifier(hash.algorithm(), SrpMath.pad(v));
  }

  /**
   * A stored verifier read back: the algorithm and the 256-byte (or shorter, big-endian) v.
   *
   * @throws SrpException if p or g fails the checks
   * @throws IllegalArgumentException if v is not strictly between 1 and p-1
   */
  public static SrpVerifier of(SrpAlgorithm algorithm, byte[] v) {
    algorithm.check();
    BigInteger value = SrpMath.unsigned(v);
    BigInteger p = algorithm.prime();
    if (value.compareTo(BigInteger.ONE) <= 0 || value.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
      throw new IllegalArgumentException("verifier v out of range: expected 1 < v < p-1 ("
          + v.length + " bytes given)");
    }
    return new SrpVerifier(algorithm, SrpMath.pad(value));
  }

  /** The algorithm v was computed under. */
  public SrpAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of v, 256 bytes big-endian: {@code new_password_hash}, or what a server stores. */
  public byte[] v() {
    return v.clone();
  }

  BigInteger value() {
    return SrpMath.unsigned(v);
  }

  /** Same algorithm and same v, compared in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SrpVerifier that && algorithm.equals(that.algorithm)
        && MessageDigest.isEqual(v, that.v);
  }

  /** The algorithm's hash only, so that the hash code says nothing about v. */
  @Override
  public int hashCode() {
    return algorithm.hashCode();
  }

  /** Names the algorithm, never v. */
  @Override
  public String toString() {
    return "SrpVerifier[v=secret, algorithm=" + algorithm + "]";
  }
}
