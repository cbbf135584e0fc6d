package dev.jgram.testdc;

import dev.jgram.mtproto.crypto.RsaPrivateKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The cluster's RSA key kept in its state directory as {@code rsa-key.pem} (PKCS#1, readable
 * by its owner only), so that a restarted cluster without an explicit key keeps the public
 * key its clients were given.
 */
final class RsaKeyFile {
  static final String NAME = "rsa-key.pem";

  private RsaKeyFile() {}

  /**
   * The key in {@code stateDir}, made and written there first if there is none.
   *
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalArgumentException if the file holds no RSA private key
   */
  static RsaPrivateKey loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve(NAME);
    try {
      if (Files.exists(file)) {
        return RsaPrivateKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      }
      Files.createDirectories(stateDir);
      RsaPrivateKey key = RsaPrivateKey.generate(new SecureRandom(), true);
      Path partial = stateDir.resolve(NAME + ".tmp");
      Files.deleteIfExists(partial);
      Files.createFile(partial);
      restrict(partial);
      Files.writeString(partial, key.privateKeyPem(), StandardCharsets.US_ASCII);
      try {
        Files.move(partial, file);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(partial);
        return RsaPrivateKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cluster RSA key " + file + " cannot be read or written",
          e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's own permissions apply
    }
  }
}
