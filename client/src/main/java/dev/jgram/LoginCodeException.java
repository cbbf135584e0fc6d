package dev.jgram;

/**
 * No login code was accepted: every code given was invalid or expired
 * ({@code PHONE_CODE_INVALID}, {@code PHONE_CODE_EXPIRED}, {@code PHONE_CODE_EMPTY}) until
 * the tries ran out, or the {@link CodeSupplier} gave none ({@code NO_CODE_GIVEN}).
 */
public final class LoginCodeException extends LoginException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * The code step failed.
   *
   * @param message what failed
   * @param error the last error
   * @param attempts how many codes were tried
   * @param cause the last error answer, if any
   */
  public LoginCodeException(String message, String error, int attempts, Throwable cause) {
    super(message, error, cause);
    this.attempts = attempts;
  }

  /** How many codes were tried. */
  public int attempts() {
    return attempts;
  }
}
