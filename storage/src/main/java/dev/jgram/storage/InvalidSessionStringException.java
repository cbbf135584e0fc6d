package dev.jgram.storage;

/**
 * A session string could not be decoded. The message says what was expected and what was
 * found (length, decoded byte count, alphabet) and, where the string looks like another
 * library's, which one; it never contains the string itself.
 */
public final class InvalidSessionStringException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public InvalidSessionStringException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public InvalidSessionStringException(String message, Throwable cause) {
    super(message, cause);
  }
}
