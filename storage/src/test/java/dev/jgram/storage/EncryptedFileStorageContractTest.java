package dev.jgram.storage;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole storage contract, run against file sessions whose auth key is encrypted at rest
 * (a cheap 1,000-iteration passphrase key, so that every open stays fast).
 */
class EncryptedFileStorageContractTest extends PersistentStorageContractTest {
  private static final SessionEncryption ENCRYPTION =
      SessionEncryption.passphrase("contract".toCharArray(), 1_000);

  @TempDir
  Path dir;

  private Path last;
  private int serial;

  @Override
  protected Storage newStorage(StorageConfig config) {
    last = dir.resolve("s" + serial++ + ".session");
    return Storage.file(last, config.withEncryption(ENCRYPTION));
  }

  @Override
  protected Optional<Storage> reopen(StorageConfig config) {
    return Optional.of(Storage.file(last, config.withEncryption(ENCRYPTION)));
  }
}
