package dev.jgram.storage;

import java.nio.file.Path;

/**
 * A file is not a session jgram can open: not SQLite, truncated or corrupt, another kind of
 * SQLite database, or a session of a schema version newer than any jgram knows. The file is
 * left byte-for-byte as it was.
 */
public class InvalidSessionFileException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** Creates the exception for {@code file}; the message should name it. */
  public InvalidSessionFileException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** Creates the exception for {@code file} with its cause. */
  public InvalidSessionFileException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file that was refused. */
  public Path file() {
    return file;
  }
}
