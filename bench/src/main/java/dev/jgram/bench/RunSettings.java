package dev.jgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What every scenario of one run shares.
 *
 * @param dir where session files are created (and removed again)
 * @param seed the workload seed
 * @param lookupCount random keys per lookup kind (the workload says 10,000)
 * @param warmupMillis how long each lookup kind runs untimed before it is timed
 * @param progress where one line per finished scenario goes (stderr in the CLI)
 */
record RunSettings(
    Path dir, long seed, int lookupCount, int warmupMillis, Consumer<String> progress) {

  /** The path of a session file named {@code name} in {@link #dir()}. */
  Path sessionFile(String name) {
    return dir.resolve(name + ".session");
  }

  /** Removes a session file and its companions ({@code -wal}, {@code -shm}, locks...). */
  static void deleteSession(Path file) {
    String prefix = file.getFileName().toString();
    try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        if (p.getFileName().toString().startsWith(prefix)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }

  /** Bytes of the database file plus its {@code -wal} file, if any. */
  static long sessionBytes(Path file) {
    try {
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + file, e);
    }
  }
}
