package dev.jgram.mtproto.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One login attempt on the server: the secret exponent b, the public g_b and the srp_id handed
 * out with them. It answers one {@link #check}; every later check gets
 * {@link SrpOutcome#SRP_ID_INVALID}, as a used srp_id must. Safe to check from several threads.
 */
public final class SrpChallenge {
  private static final int PROOF_LENGTH = 32;

  private final SrpVerifier verifier;
  private final long srpId;
  private final BigInteger b;
  private final BigInteger gB;
  private final AtomicBoolean used = new AtomicBoolean();

  SrpChallenge(SrpVerifier verifier, long srpId, BigInteger b, BigInteger gB) {
    this.verifier = verifier;
    this.srpId = srpId;
    this.b = b;
    this.gB = gB;
  }

  /** The srp_id this challenge was handed out with. */
  public long srpId() {
    return srpId;
  }

  /** What {@code account.password} sends: current_algo, srp_B (256 bytes) and srp_id. */
  public SrpParameters parameters() {
    return new SrpParameters(verifier.algorithm(), SrpMath.pad(gB), srpId);
  }

  /** Whether {@link #check} has been called with this challenge's srp_id. */
  public boolean used() {
    return used.get();
  }

  /**
   * Judges a client's answer: the srp_id must be this challenge's and not used yet; A must lie
   * strictly between 1 and p-1; M1 must equal H(H(p) xor H(g) | H(salt1) | H(salt2) | A | g_b |
   * H((A · v^u)^b)) with u = H(A | g_b), compared in constant time. A check with the right
   * srp_id uses the challenge up, whatever its outcome.
   */
  public SrpOutcome check(SrpAnswer answer) {
    if (answer.srpId() != srpId || !used.compareAndSet(false, true)) {
      return SrpOutcome.SRP_ID_INVALID;
    }
    return proves(answer) ? SrpOutcome.ACCEPTED : SrpOutcome.PASSWORD_HASH_INVALID;
  }

  private boolean proves(SrpAnswer answer) {
    SrpAlgorithm algorithm = verifier.algorithm();
    BigInteger p = algorithm.prime();
    BigInteger gA = SrpMath.unsigned(answer.a());
    byte[] m1 = answer.m1();
    if (gA.compareTo(BigInteger.ONE) <= 0 || gA.compareTo(p.subtract(BigInteger.ONE)) >= 0
        || m1.length != PROOF_LENGTH) {
      return false;
    }
    BigInteger s = SrpMath.serverSecret(algorithm, verifier.value(), b, gA, gB);
    return MessageDigest.isEqual(SrpMath.proof(algorithm, gA, gB, s), m1);
  }

  /** The srp_id and whether it is used; never b or v. */
  @Override
  public String toString() {
    return "SrpChallenge[srpId=" + srpId + ", used=" + used.get() + ", b=secret]";
  }
}
