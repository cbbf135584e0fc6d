package dev.jgram.mtproto.tl;

import dev.jgram.mtproto.MtprotoException;

/** TL data or a TL schema could not be read or written; the message says where and why. */
public class TlException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TlException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public TlException(String message, Throwable cause) {
    super(message, cause);
  }
}
