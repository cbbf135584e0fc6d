package dev.jgram.mtproto.session;

import dev.jgram.mtproto.SecurityCheckException;

/**
 * An inbound encrypted message failed one of the checks the MTProto security guidelines ask
 * for. The message must be discarded and, on the client, the connection closed and opened
 * again; a server answers a failure of the envelope checks ({@link Check#MESSAGE_LENGTH},
 * {@link Check#AUTH_KEY_ID}, {@link Check#MSG_KEY}, {@link Check#PADDING}) with transport error
 * −404 and closes the connection.
 *
 * <p>{@link #check()} names the failed check; the message says what was expected and what was
 * found, never any key material.
 */
public final class SessionCheckException extends SecurityCheckException {
  private static final long serialVersionUID = 1L;

  /** The check that failed. */
  public enum Check {
    /** The encrypted message is too short or not 24 + a multiple of 16 bytes. */
    MESSAGE_LENGTH,
    /** The auth_key_id is not the one of the key this session uses. */
    AUTH_KEY_ID,
    /** msg_key differs from the one recomputed over the decrypted bytes. */
    MSG_KEY,
    /** The message_data_length field is negative, too large or not a multiple of 4. */
    DATA_LENGTH,
    /** The padding is shorter than 12 or longer than 1024 bytes. */
    PADDING,
    /** The session_id is not this session's. */
    SESSION_ID,
    /** The msg_id has the wrong remainder mod 4 for its sender. */
    MSG_ID_PARITY,
    /** The msg_id equals one already received. */
    MSG_ID_REPLAYED,
    /** The msg_id is lower than every id kept, so it cannot be told from a replay. */
    MSG_ID_TOO_OLD,
    /** The msg_id's time is outside −300/+30 s of the receiver's clock. */
    MSG_ID_OUTSIDE_WINDOW,
    /** A container holds another container. */
    NESTED_CONTAINER,
    /** A body or container cannot be read as the TL it claims to be. */
    MALFORMED_BODY
  }

  private final Check check;

  /** Creates the exception for {@code check}; the message says what was wrong. */
  public SessionCheckException(Check check, String message) {
    super(message);
    this.check = check;
  }

  /** Creates the exception with its cause. */
  public SessionCheckException(Check check, String message, Throwable cause) {
    super(message);
    this.check = check;
    initCause(cause);
  }

  /** The check that failed. */
  public Check check() {
    return check;
  }
}
