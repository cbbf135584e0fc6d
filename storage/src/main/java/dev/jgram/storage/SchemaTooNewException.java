package dev.jgram.storage;

import java.nio.file.Path;

/**
 * A session file's schema version is newer than any version jgram knows, so it is refused
 * rather than opened and possibly damaged. The file is left untouched. The version is
 * Pyrogram's (the {@code version} table) or jgram's own (its tables' schema, kept in
 * {@code jgram_meta}); the message says which.
 */
public final class SchemaTooNewException extends InvalidSessionFileException {
  private static final long serialVersionUID = 1L;

  private final int version;
  private final int newestKnown;

  /** Creates the exception for the session (Pyrogram) schema version. */
  public SchemaTooNewException(Path file, int version, int newestKnown) {
    this(file, "session schema", version, newestKnown);
  }

  /**
   * Creates the exception for the schema named by {@code schema} ("session schema", "jgram
   * schema").
   */
  public SchemaTooNewException(Path file, String schema, int version, int newestKnown) {
    super(
        file,
        file + ": " + schema + " version " + version
            + " is newer than the newest this jgram knows (" + newestKnown + ")");
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
