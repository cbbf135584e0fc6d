package dev.jgram.storage;

/**
 * A lookup found no usable peer in the cache: the id, username or phone number is unknown,
 * or the username's entry is older than the username TTL ({@link Reason#USERNAME_EXPIRED}).
 *
 * <p>The message follows Pyrogram's wording ("ID not found: 42", "Username expired: alice").
 */
public final class PeerNotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** Why the lookup failed. */
  public enum Reason {
    /** No peer has this id. */
    ID_NOT_FOUND("ID not found"),
    /** No peer has this username. */
    USERNAME_NOT_FOUND("Username not found"),
    /** A peer has this username, but the entry is older than the TTL. */
    USERNAME_EXPIRED("Username expired"),
    /** No peer has this phone number. */
    PHONE_NOT_FOUND("Phone number not found");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;
  private final String key;

  /**
   * Creates the exception for a failed lookup.
   *
   * @param reason why it failed
   * @param key the id, username or phone number that was looked up
   */
  public PeerNotFoundException(Reason reason, String key) {
    super(reason.text + ": " + key);
    this.reason = reason;
    this.key = key;
  }

  /** Why the lookup failed. */
  public Reason reason() {
    return reason;
  }

  /** The key that was looked up. */
  public String key() {
    return key;
  }
}
