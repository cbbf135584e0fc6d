package dev.jgram.storage.lock;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions ({@code rw-------}) for the files of a session: the session file
 * holds the auth key, which is the account.
 */
public final class FilePermissions {
  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString(
      "rw-------");

  private FilePermissions() {}

  /** Whether {@code file}'s file system supports POSIX permissions. */
  static boolean isPosix(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return (dir == null ? FileSystems.getDefault() : dir.getFileSystem())
        .supportedFileAttributeViews().contains("posix");
  }

  /** The attributes that create a file as {@code rw-------}; none where POSIX is absent. */
  public static FileAttribute<?>[] ownerOnly(Path file) {
    return isPosix(file)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)}
        : new FileAttribute<?>[0];
  }

  /** Sets {@code rw-------} on an existing file (POSIX only). */
  public static void restrict(Path file) throws IOException {
    if (isPosix(file) && Files.exists(file)) {
      Files.setPosixFilePermissions(file, OWNER_RW);
    }
  }
}
