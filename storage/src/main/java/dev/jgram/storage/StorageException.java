package dev.jgram.storage;

/**
 * Base of every error a session storage reports. Unchecked, so that
 * {@code try (var app = new Client("me")) { ... }} needs no catch.
 *
 * <p>Messages name the file or value and say what was expected and what was found. They
 * never contain an auth key or a session string.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public StorageException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
