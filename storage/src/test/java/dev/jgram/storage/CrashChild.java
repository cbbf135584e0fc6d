package dev.jgram.storage;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process the crash tests kill: a main class on the test classpath, started in a child JVM.
 *
 * <ul>
 *   <li>{@code peers <file> <first batch> <seed> [raw|none]}: opens the file session (optionally with
 *       the raw key in {@code JGRAM_SESSION_KEY}), prints {@code open}, then writes
 *       {@link CrashBatches} batches from {@code first batch} on, each followed by a session
 *       change, and prints each batch's number once both calls have returned. Runs until killed.
 *   <li>{@code open <file>}: loads the engine on a scratch file first (so that the window after
 *       the next line is the open itself), prints {@code opening}, opens (migrating an old
 *       file), prints {@code open}, closes, prints {@code closed}.
 *   <li>{@code hold <file>}: opens, prints {@code open}, and waits until killed.
 * </ul>
 */
public final class CrashChild {
  private CrashChild() {}

  /** Runs one mode; see the class comment. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "peers" -> writePeers(out, file, Long.parseLong(args[2]), Long.parseLong(args[3]),
          args.length > 4 && args[4].equals("raw"));
      case "open" -> {
        warmUp(file);
        out.println("opening");
        Storage s = Storage.file(file);
        s.open();
        out.println("open");
        s.close();
        out.println("closed");
      }
      case "hold" -> {
        Storage s = Storage.file(file);
        s.open();
        out.println("open");
        Thread.sleep(Long.MAX_VALUE);
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void warmUp(Path file) throws java.io.IOException {
    Path scratch = java.nio.file.Files.createTempDirectory(file.toAbsolutePath().getParent(),
        "warm");
    Storage s = Storage.file(scratch.resolve("warm.session"));
    s.open();
    s.close();
    s.delete();
    java.nio.file.Files.delete(scratch);
  }

  private static void writePeers(PrintStream out, Path file, long first, long seed,
      boolean encrypted) {
    StorageConfig config = StorageConfig.DEFAULTS;
    if (encrypted) {
      config = config.withEncryption(SessionEncryption.fromEnvironment());
    }
    Storage s = Storage.file(file, config);
    s.open();
    out.println("open");
    AuthKey key = CrashBatches.key(seed);
    for (long n = first; ; n++) {
      s.updatePeers(CrashBatches.batch(n));
      s.session(CrashBatches.session(key, n));
      out.println(n);
    }
  }
}
