package dev.jgram.net;

/**
 * The key exchange failed a security check, most often because the server's RSA key is not
 * among the trusted ones ({@link ServerKeys}). Not retried.
 */
public final class UnknownServerKeyException extends NetException {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public UnknownServerKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
