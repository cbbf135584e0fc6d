package dev.jgram.storage;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** Runs the engine contract against the SQLite file engine, reopening the same file. */
class SqliteStorageContractTest extends PersistentStorageContractTest {
  @TempDir Path dir;

  private int files;
  private Path current;

  @Override
  protected Storage newStorage(StorageConfig config) {
    current = dir.resolve("contract-" + (++files) + ".session");
    return Storage.file(current, config);
  }

  @Override
  protected Optional<Storage> reopen(StorageConfig config) {
    return Optional.of(Storage.file(current, config));
  }
}
