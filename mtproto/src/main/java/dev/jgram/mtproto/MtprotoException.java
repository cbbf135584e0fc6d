package dev.jgram.mtproto;

/**
 * The base of every exception the MTProto layer throws. Unchecked, so callers handle only
 * what they can act on; messages name the value that failed, what was expected and what was
 * found, and never contain key material.
 */
public class MtprotoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public MtprotoException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause attached. */
  public MtprotoException(String message, Throwable cause) {
    super(message, cause);
  }
}
