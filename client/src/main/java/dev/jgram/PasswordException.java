package dev.jgram;

/**
 * The two-step verification password was not accepted: every one given was wrong
 * ({@code PASSWORD_HASH_INVALID}) until the tries ran out, the {@link PasswordSupplier} gave
 * none ({@code NO_PASSWORD_GIVEN}), or the account's password uses an algorithm this client
 * does not know ({@code UNSUPPORTED_PASSWORD_ALGORITHM}).
 */
public final class PasswordException extends LoginException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * The password step failed.
   *
   * @param message what failed
   * @param error the last error
   * @param attempts how many passwords were tried
   * @param cause the last error answer, if any
   */
  public PasswordException(String message, String error, int attempts, Throwable cause) {
    super(message, error, cause);
    this.attempts = attempts;
  }

  /** How many passwords were tried. */
  public int attempts() {
    return attempts;
  }
}
