package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.MtprotoException;

/**
 * The server ended the key exchange without a key: server_DH_params_fail, dh_gen_retry or
 * dh_gen_fail, each already checked against its new_nonce hash. Start over on a new
 * connection.
 */
public final class KeyExchangeException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public KeyExchangeException(String message) {
    super(message);
  }
}
