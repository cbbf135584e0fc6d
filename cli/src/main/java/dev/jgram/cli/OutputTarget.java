package dev.jgram.cli;

import dev.jgram.storage.SessionLockState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks where a command will write a new session, and clears it for {@code --force}. */
final class OutputTarget {
  private static final String[] SQLITE_FILES = {"", "-journal", "-wal", "-shm"};

  private OutputTarget() {}

  /**
   * Makes sure {@code out} can be created: its directory exists, and it does not exist unless
   * {@code force} (then the file and its SQLite side files are removed, unless a running
   * client holds it). A folder is never removed.
   *
   * @throws CliException naming the path and the problem
   */
  static void prepare(Path out, boolean force) {
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CliException(out + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(out)) {
      throw new CliException(out + ": is an existing directory; jgram never replaces a "
          + "directory (remove it yourself, or choose another --out)");
    }
    if (!Files.exists(out)) {
      return;
    }
    if (!force) {
      throw new CliException(out + ": already exists; pass --force to replace it");
    }
    SessionLockState lock = SessionLockState.of(out);
    if (lock.held()) {
      throw new CliException(out + ": not replaced: " + lock.describe());
    }
    for (String suffix : SQLITE_FILES) {
      try {
        Files.deleteIfExists(SessionDatabase.sibling(out, suffix));
      } catch (IOException e) {
        throw new CliException(out + suffix + ": cannot remove it: " + Failures.describe(e), e);
      }
    }
  }

  /** Removes a half-written output and its SQLite side files, ignoring failures. */
  static void removeQuietly(Path out) {
    for (String suffix : SQLITE_FILES) {
      try {
        Files.deleteIfExists(SessionDatabase.sibling(out, suffix));
      } catch (IOException e) {
        // best effort: the failure that brought us here is what the user needs to see
      }
    }
  }
}
