package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.MtprotoException;

/**
 * An {@code auth.bindTempAuthKey} the server refuses. Telegram answers every such case with
 * {@code 400 ENCRYPTED_MESSAGE_INVALID} ({@link #RPC_ERROR}); the message says which check
 * failed.
 */
public final class TempKeyBindingException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** The rpc_error message Telegram sends, with code 400. */
  public static final String RPC_ERROR = "ENCRYPTED_MESSAGE_INVALID";

  /** Creates the exception; the message names the check that failed. */
  public TempKeyBindingException(String message) {
    super(message);
  }
}
