package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.MtprotoException;

/**
 * A transport failed: a malformed frame, a bad CRC or sequence number, an unknown start of
 * connection, or a 4-byte transport error code sent by the other side instead of a frame.
 *
 * <pre>
 * | code | meaning (core.telegram.org/mtproto/mtproto-transports#transport-errors) |
 * |------|-------------------------------------------------------------------------|
 * | -404 | auth key not found, or the request was malformed                        |
 * | -429 | too many connections or transport flood                                 |
 * | -444 | invalid DC id when connecting                                           |
 * </pre>
 */
public final class TransportException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  private final int errorCode;

  /** A framing failure without a transport error code. */
  public TransportException(String message) {
    super(message);
    this.errorCode = 0;
  }

  private TransportException(int errorCode) {
    super("transport error " + errorCode + ": " + meaning(errorCode));
    this.errorCode = errorCode;
  }

  /** The exception for a received transport error code (a negative int). */
  public static TransportException errorCode(int code) {
    return new TransportException(code);
  }

  /** The transport error code received, or 0 if this is a framing failure. */
  public int errorCode() {
    return errorCode;
  }

  private static String meaning(int code) {
    return switch (code) {
      case -404 -> "auth key not found or request malformed";
      case -429 -> "too many connections or transport flood";
      case -444 -> "invalid DC";
      default -> "unknown transport error";
    };
  }
}
