package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The client's side of a password check: from the password and {@code account.password}'s
 * {@link SrpParameters} to the {@code inputCheckPasswordSRP} fields. Before any use of the
 * password it checks what the server sent: p a 2048-bit safe prime, g 2..7 with its residue
 * rule, and 1 &lt; srp_B &lt; p-1 with the 2^(2048-64) margins; afterwards that g_a is not
 * degenerate and that u is not zero.
 *
 * <pre>{@code
 * SrpParameters parameters = new SrpParameters(
 *     new SrpAlgorithm(salt1, salt2, g, p), srpB, srpId);      // from account.password
 * SrpAnswer answer = SrpClient.answer("password", parameters, RandomSource.secure());
 * // send inputCheckPasswordSRP(answer.srpId(), answer.a(), answer.m1())
 * }</pre>
 */
public final class SrpClient {
  private SrpClient() {}

  /**
   * Answers the parameters with the UTF-8 bytes of {@code password}, as typed (no Unicode
   * normalisation). Takes 256 bytes from {@code random} for the exponent a.
   *
   * @throws SrpException if p, g or srp_B fails a check, or the answer would be degenerate
   */
  public static SrpAnswer answer(String password, SrpParameters parameters,
      RandomSource random) {
    Objects.requireNonNull(password, "password");
    return answer(password.getBytes(StandardCharsets.UTF_8), parameters, random);
  }

  /**
   * Answers the parameters with a password given as bytes.
   *
   * @throws SrpException if p, g or srp_B fails a check, or the answer would be degenerate
   */
  public static SrpAnswer answer(byte[] password, SrpParameters parameters,
      RandomSource random) {
    Objects.requireNonNull(password, "password");
    BigInteger gB = checked(parameters);
    PasswordHash hash = PasswordHash.compute(password, parameters.algorithm());
    return compute(hash.x(), parameters, gB, random);
  }

  /**
   * Answers the parameters with a password hash computed earlier for the same algorithm, which
   * skips the slow PBKDF2 step.
   *
   * @throws IllegalArgumentException if the hash was made for other salts, g or p
   * @throws SrpException if p, g or srp_B fails a check, or the answer would be degenerate
   */
  public static SrpAnswer answer(PasswordHash hash, SrpParameters parameters,
      RandomSource random) {
    if (!hash.algorithm().equals(parameters.algorithm())) {
      throw new IllegalArgumentException("the password hash was computed for another algorithm "
          + "than current_algo: expected " + parameters.algorithm() + ", got "
          + hash.algorithm());
    }
    BigInteger gB = checked(parameters);
    return compute(hash.x(), parameters, gB, random);
  }

  private static BigInteger checked(SrpParameters parameters) {
    SrpAlgorithm algorithm = parameters.algorithm();
    algorithm.check();
    BigInteger gB = SrpMath.unsigned(parameters.srpB());
    try {
      DhChecks.checkPublicValue("srp_B", gB, algorithm.prime());
    } catch (SecurityCheckException e) {
      throw new SrpException(SrpException.Reason.SRP_B, e.getMessage(), e);
    }
    return gB;
  }

  private static SrpAnswer compute(byte[] x, SrpParameters parameters, BigInteger gB,
      RandomSource random) {
    SrpAlgorithm algorithm = parameters.algorithm();
    BigInteger p = algorithm.prime();
    BigInteger a = SrpMath.unsigned(random.bytes(SrpMath.SIZE));
    BigInteger gA = BigInteger.valueOf(algorithm.g()).modPow(a, p);
    if (gA.compareTo(BigInteger.ONE) <= 0 || gA.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
      throw new SrpException(SrpException.Reason.G_A,
          "g_a = g^a mod p is 0, 1 or p-1: the random source gave a degenerate exponent a");
    }
    if (SrpMath.u(gA, gB).signum() == 0) {
      throw new SrpException(SrpException.Reason.U_ZERO, "u = H(g_a | srp_B) is zero");
    }
    BigInteger s = SrpMath.clientSecret(algorithm, x, a, gB, gA);
    return new SrpAnswer(parameters.srpId(), SrpMath.pad(gA),
        SrpMath.proof(algorithm, gA, gB, s));
  }
}
