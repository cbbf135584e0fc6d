package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The server's side of a password check. For each {@code account.getPassword} it starts a
 * {@link SrpChallenge} from the stored {@link SrpVerifier}; {@link SrpChallenge#check} then
 * judges the client's {@code auth.checkPassword}.
 *
 * <pre>{@code
 * SrpVerifier stored = SrpVerifier.create("password", SrpAlgorithm.generate(random), random);
 * SrpChallenge challenge = SrpServer.challenge(stored, srpId, random);
 * SrpParameters sent = challenge.parameters();     // current_algo, srp_B, srp_id
 * SrpOutcome outcome = challenge.check(answer);    // ACCEPTED or the error to send
 * }</pre>
 */
public final class SrpServer {
  /** How many exponents b are drawn before a broken random source is reported. */
  private static final int MAX_DRAWS = 16;

  private SrpServer() {}

  /**
   * Starts one login attempt: draws b (256 bytes from {@code random}) and computes
   * g_b = (k·v + g^b) mod p. An exponent whose g^b is 0, 1 or p-1, or whose g_b a client would
   * refuse (outside the 2^(2048-64) margins), is drawn again.
   *
   * @param srpId the id the server hands out with these parameters; the caller keeps ids unique
   * @throws IllegalStateException if {@code random} gives only such exponents
   */
  public static SrpChallenge challenge(SrpVerifier verifier, long srpId, RandomSource random) {
    Objects.requireNonNull(verifier, "verifier");
    SrpAlgorithm algorithm = verifier.algorithm();
    BigInteger g = BigInteger.valueOf(algorithm.g());
    BigInteger p = algorithm.prime();
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      BigInteger b = SrpMath.unsigned(random.bytes(SrpMath.SIZE));
      BigInteger gToB = g.modPow(b, p);
      BigInteger gB = SrpMath.serverPublic(algorithm, verifier.value(), gToB);
      if (inRange(gToB, p) && clientAccepts(gB, p)) {
        return new SrpChallenge(verifier, srpId, b, gB);
      }
    }
    throw new IllegalStateException("the random source gave " + MAX_DRAWS
        + " exponents b in a row with a degenerate g^b or a g_b out of range");
  }

  private static boolean inRange(BigInteger value, BigInteger p) {
    return value.compareTo(BigInteger.ONE) > 0
        && value.compareTo(p.subtract(BigInteger.ONE)) < 0;
  }

  private static boolean clientAccepts(BigInteger gB, BigInteger p) {
    try {
      DhChecks.checkPublicValue("srp_B", gB, p);
      return true;
    } catch (SecurityCheckException e) {
      return false;
    }
  }
}
