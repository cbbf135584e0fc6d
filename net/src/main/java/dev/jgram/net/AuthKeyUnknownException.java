package dev.jgram.net;

/**
 * The server no longer knows the auth key (transport error -404 on an encrypted message):
 * the key is gone, the session must log in again with a new key. Never retried.
 */
public final class AuthKeyUnknownException extends NetException {
  private static final long serialVersionUID = 1L;
  private final int dcId;

  /** The key used on {@code dcId} is unknown there. */
  public AuthKeyUnknownException(int dcId, String message) {
    super(message);
    this.dcId = dcId;
  }

  /** The DC that answered -404. */
  public int dcId() {
    return dcId;
  }
}
