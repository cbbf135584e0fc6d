package dev.jgram.net;

/**
 * A {@code 420 FLOOD_WAIT_X} (or {@code SLOWMODE_WAIT_X}, {@code FLOOD_PREMIUM_WAIT_X}, ...)
 * longer than the client's flood-wait threshold: the call was not repeated; retry it after
 * {@link #seconds()}.
 */
public final class FloodWaitException extends RpcException {
  private static final long serialVersionUID = 1L;
  private final int seconds;

  /** A flood wait of {@code seconds}. */
  public FloodWaitException(int code, String errorMessage, String method, int seconds) {
    super(code, errorMessage, method);
    this.seconds = seconds;
  }

  /** How many seconds the server asks to wait. */
  public int seconds() {
    return seconds;
  }
}
