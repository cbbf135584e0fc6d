package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.MtprotoException;

/**
 * The server half of the key exchange refuses a client's request. The caller answers with the
 * transport error {@link #transportError()} (−404, or −444 for a DC id that is not this DC's)
 * and may close the connection; a later request of the same run is refused too.
 */
public final class KeyExchangeRequestException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the request. */
  public enum Reason {
    /** The body is not valid TL or is cut short. */
    MALFORMED,
    /** A message that does not fit the run's state, or not a key-exchange message at all. */
    UNEXPECTED_MESSAGE,
    /** nonce or server_nonce differs from this run's. */
    NONCE_MISMATCH,
    /** p and q are not the factors of this run's pq, smaller first. */
    WRONG_FACTORS,
    /** public_key_fingerprint names none of this DC's RSA keys. */
    UNKNOWN_FINGERPRINT,
    /** encrypted_data or set_client_DH_params' data fails every decryption or hash check. */
    UNDECRYPTABLE,
    /** The decrypted p_q_inner_data disagrees with the outer request or is out of range. */
    INNER_DATA_MISMATCH,
    /** The dc field names another DC, or the wrong test/production flavour. */
    WRONG_DC
  }

  private final Reason reason;

  /** Creates the exception; the message says what was wrong and what was expected. */
  public KeyExchangeRequestException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** What was wrong. */
  public Reason reason() {
    return reason;
  }

  /** The transport error code to answer with: −444 for {@link Reason#WRONG_DC}, else −404. */
  public int transportError() {
    return reason == Reason.WRONG_DC ? -444 : -404;
  }
}
