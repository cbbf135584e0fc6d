package dev.jgram;

import dev.jgram.net.NetException;

/**
 * The session's authorisation is gone and it must log in again: the server no longer knows
 * the auth key (-404), or answered {@code AUTH_KEY_UNREGISTERED} to a logged-in session, or
 * {@code SESSION_REVOKED}, {@code AUTH_KEY_DUPLICATED}, ... The key was marked dead in
 * storage with the reason ({@link dev.jgram.storage.Storage#keyRevocation()}); the client
 * never retries it.
 */
public final class LoginRequiredException extends NetException {
  private static final long serialVersionUID = 1L;

  /** A session that must log in again, with the cause. */
  public LoginRequiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
