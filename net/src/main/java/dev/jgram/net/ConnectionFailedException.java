package dev.jgram.net;

/**
 * A DC could not be reached (or was lost) and every reconnection attempt failed, or the
 * connection was closed while calls were waiting.
 */
public final class ConnectionFailedException extends NetException {
  private static final long serialVersionUID = 1L;

  /** A failure with its last cause (may be null). */
  public ConnectionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
