package dev.jgram.net;

/** A call got no answer within its timeout; its waiter was removed. */
public final class RpcTimeoutException extends NetException {
  private static final long serialVersionUID = 1L;

  /** A timeout of a call. */
  public RpcTimeoutException(String message) {
    super(message);
  }
}
