package dev.jgram.mtproto;

/**
 * A check that the MTProto security guidelines demand failed: a wrong msg_key, a bad padding
 * length, a nonce that changed, an unsafe Diffie–Hellman prime, a g_a out of range, an unknown
 * RSA fingerprint. The connection that produced the data must be dropped. Subclasses name the
 * failed check as a value a caller can switch on.
 */
public class SecurityCheckException extends MtprotoException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says which check failed and why. */
  public SecurityCheckException(String message) {
    super(message);
  }
}
