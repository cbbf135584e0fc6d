package dev.jgram.mtproto.srp;

/**
 * How a server judges one {@link SrpAnswer}. The names other than {@link #ACCEPTED} are the
 * messages of the {@code 400} errors Telegram answers {@code auth.checkPassword} with.
 */
public enum SrpOutcome {
  /** A and M1 prove the password. */
  ACCEPTED,
  /** The answer's srp_id is not this challenge's, or the challenge was already used. */
  SRP_ID_INVALID,
  /** A is out of range or M1 does not match: the password is wrong. */
  PASSWORD_HASH_INVALID;

  /** Whether the password was proven. */
  public boolean accepted() {
    return this == ACCEPTED;
  }
}
