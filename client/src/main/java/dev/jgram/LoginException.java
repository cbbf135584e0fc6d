package dev.jgram;

/**
 * A user login that could not complete, for a reason the caller can act on; the subclasses
 * say which. Messages name the phone's step and Telegram's error, never a code or password.
 */
public class LoginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;

  /**
   * A failed login.
   *
   * @param message what failed and what was expected
   * @param error Telegram's error text ({@code PHONE_CODE_INVALID}, ...), or a short reason of
   *     jgram's own ({@code NO_CODE_GIVEN}, ...)
   * @param cause the error answer, if any
   */
  public LoginException(String message, String error, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  /** Telegram's error text, or jgram's short reason. */
  public String error() {
    return error;
  }
}
