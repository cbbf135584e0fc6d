package dev.jgram.storage;

/** Runs the engine contract against the memory engine, which persists nothing. */
class MemoryStorageContractTest extends StorageContractTest {
  @Override
  protected Storage newStorage(StorageConfig config) {
    return Storage.memory(config);
  }
}
