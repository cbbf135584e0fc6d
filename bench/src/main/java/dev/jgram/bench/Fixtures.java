package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Storages filled with the workload, for the JMH benchmarks. */
final class Fixtures {
  /** The seed every JMH benchmark draws its workload from. */
  static final long SEED = 42;

  private Fixtures() {}

  /** A fresh temporary directory for session files. */
  static Path tempDir() {
    try {
      return Files.createTempDirectory("jgram-jmh");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  /** An open storage of the named engine ({@code file} or {@code memory}) holding the peers. */
  static Storage filled(String engine, Workload workload, Path dir) {
    Storage storage = switch (engine) {
      case "file" -> Storage.file(dir.resolve("jmh-" + workload.size() + ".session"));
      case "memory" -> Storage.memory();
      default -> throw new IllegalArgumentException(
          "unknown engine '" + engine + "'; expected file or memory");
    };
    storage.open();
    storage.session(workload.session());
    for (List<Peer> batch : workload.batches()) {
      storage.updatePeers(batch);
    }
    return storage;
  }

  /** Removes a directory made by {@link #tempDir()} and the session files in it. */
  static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
