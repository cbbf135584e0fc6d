package dev.jgram.net;

/**
 * Base of the network layer's exceptions: a connection that could not be made or was lost,
 * a call that timed out. Unchecked, with the cause attached. Messages never contain an auth
 * key or a session string.
 */
public class NetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public NetException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public NetException(String message, Throwable cause) {
    super(message, cause);
  }
}
