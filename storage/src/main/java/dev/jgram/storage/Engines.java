package dev.jgram.storage;

import java.nio.file.Path;

/** Creates the package-private engines behind {@link Storage}'s factories. */
final class Engines {
  private Engines() {}

  static Storage file(Path path, StorageConfig config) {
    return new SqliteStorage(path, config);
  }

  static Storage memory(StorageConfig config) {
    return new MemoryStorage(config, Session.EMPTY);
  }

  /**
   * Decodes the string now, so that a bad string fails where it is passed in, and opens a
   * memory storage holding it (date 0). An empty or blank string is, as in Pyrogram, a fresh
   * empty session.
   */
  static Storage fromSessionString(String sessionString, StorageConfig config) {
    if (sessionString != null && sessionString.isBlank()) {
      return new MemoryStorage(config, Session.EMPTY);
    }
    return new MemoryStorage(config, PyrogramSessionString.decode(sessionString).withDate(0));
  }
}
