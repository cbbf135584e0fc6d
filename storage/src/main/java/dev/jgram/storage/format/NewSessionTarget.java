package dev.jgram.storage.format;

import dev.jgram.storage.StorageException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one way a session file or folder is written: built beside the target under a hidden
 * temporary name ({@code .<name>.jgram-<uuid>.tmp}) and moved into place, so a failure leaves
 * nothing behind and an existing target is never overwritten.
 */
final class NewSessionTarget {
  /** Builds the content at the temporary path, which does not exist yet. */
  interface Builder {
    /** Creates {@code temp} (a file or a folder) with the session in it. */
    void build(Path temp) throws IOException, SQLException;
  }

  private NewSessionTarget() {}

  /**
   * Creates {@code target}, which must not exist, with what {@code builder} writes.
   *
   * @param what the kind of file, for messages ("the Telethon session file")
   * @throws StorageException if {@code target} exists or cannot be written
   */
  static void create(Path target, String what, Builder builder) {
    Path absolute = target.toAbsolutePath().normalize();
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".jgram-"
        + UUID.randomUUID() + ".tmp");
    try {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      builder.build(temp);
      Files.move(temp, absolute);
    } catch (FileAlreadyExistsException e) {
      throw new StorageException(target + ": already exists; jgram does not overwrite it", e);
    } catch (SQLException | IOException e) {
      throw new StorageException(target + ": cannot write " + what + " (" + e.getMessage()
          + ")", e);
    } finally {
      deleteQuietly(temp);
      deleteQuietly(temp.resolveSibling(temp.getFileName() + "-journal"));
    }
  }

  /** Deletes a leftover file or folder tree, if any; a leftover is harmless if this fails. */
  private static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temporary file is harmless
    }
  }
}
