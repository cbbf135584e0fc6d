package dev.jgram.mtproto.srp;

import dev.jgram.mtproto.MtprotoException;

/**
 * The SRP parameters a client received are unsafe, or the answer cannot be computed safely.
 * The {@link #reason()} says which check failed; the message names the value and the rule. No
 * message contains the password, x, v or the random exponents.
 */
public final class SrpException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** p is not a 2048-bit safe prime, or g is not 2..7 with the matching residue rule. */
    PRIME_OR_GENERATOR,
    /** srp_B (g_b) is outside 1 &lt; g_b &lt; p-1 or the 2^(2048-64) margins. */
    SRP_B,
    /** The client's g_a = g^a came out as 0, 1 or p-1: the random source is broken. */
    G_A,
    /** u = H(g_a | g_b) is zero. */
    U_ZERO
  }

  private final Reason reason;

  /** Creates the exception. */
  public SrpException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Creates the exception with its cause. */
  public SrpException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
