package dev.jgram.storage;

import java.nio.file.Path;

/**
 * A session file's schema version is newer than any version jgram knows, so it is refused
 * rather than opened and possibly damaged. The file is left untouched.
 */
public final class SchemaTooNewException extends InvalidSessionFileException {
  private static final long serialVersionUID = 1L;

  private final int version;
  private final int newestKnown;

  /** Creates the exception. */
  public SchemaTooNewException(Path file, int version, int newestKnown) {
    super(
        file,
        file + ": session schema version " + version
            + " is newer than the newest jgram knows (" + newestKnown + ")");
    this.version = version;
    this.newestKnown = newestKnown;
  }

  /** The file's schema version. */
  public int version() {
    return version;
  }

  /** The newest schema version this jgram knows. */
  public int newestKnown() {
    return newestKnown;
  }
}
