package dev.jgram.storage;

/**
 * A file session's auth key is encrypted ({@link SessionEncryption}) and could not be
 * unlocked: no key was given, or the given passphrase or key is not the one it was sealed
 * with. Nothing was written; the file is as it was.
 */
public final class EncryptedSessionException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** Why the key could not be unlocked. */
  public enum Reason {
    /** The file is encrypted and the storage was given no encryption. */
    KEY_REQUIRED,
    /** The passphrase or key given is not the one the file was encrypted with. */
    WRONG_KEY
  }

  private final Reason reason;

  /** Creates the exception; the message names the file and never contains a secret. */
  public EncryptedSessionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the key could not be unlocked. */
  public Reason reason() {
    return reason;
  }
}
