package dev.jgram;

/**
 * The phone number has no account yet ({@code auth.authorizationSignUpRequired}) and no name
 * was given to sign up with: call {@link Client#loginUser(String, CodeSupplier,
 * PasswordSupplier, String, String)} with a first name.
 */
public final class SignUpRequiredException extends LoginException {
  private static final long serialVersionUID = 1L;

  /**
   * Sign-up is needed.
   *
   * @param message what failed
   */
  public SignUpRequiredException(String message) {
    super(message, "SIGN_UP_REQUIRED", null);
  }
}
