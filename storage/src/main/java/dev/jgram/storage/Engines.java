package dev.jgram.storage;

import java.nio.file.Path;

/** Creates the package-private engines behind {@link Storage}'s factories. */
final class Engines {
  private Engines() {}

  static Storage file(Path path, StorageConfig config) {
    return new SqliteStorage(path, config);
  }

  static Storage memory(StorageConfig config) {
    throw new UnsupportedOperationException("memory storage: not built yet");
  }

  static Storage fromSessionString(String sessionString, StorageConfig config) {
    throw new UnsupportedOperationException("memory storage: not built yet");
  }
}
