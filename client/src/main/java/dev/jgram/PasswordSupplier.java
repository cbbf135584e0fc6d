package dev.jgram;

/**
 * Gives {@link Client#loginUser} the account's two-step verification password when Telegram
 * asks for it ({@code SESSION_PASSWORD_NEEDED}), and again after a wrong one
 * ({@code PASSWORD_HASH_INVALID}), up to {@link Client#MAX_PASSWORD_TRIES} times. The password
 * never leaves the client: only an SRP proof of it is sent.
 */
@FunctionalInterface
public interface PasswordSupplier {

  /**
   * The password for this request, or null when there is none to give (the login then ends
   * with {@link PasswordException}).
   */
  String password(Request request);

  /**
   * What is asked.
   *
   * @param hint the hint the account set, or null
   * @param attempt 1 for the first password, 2 after the first was wrong, ...
   * @param maxAttempts how many passwords are asked for at most
   * @param previousError why the previous password was refused, or null for the first request
   */
  record Request(String hint, int attempt, int maxAttempts, String previousError) {}
}
