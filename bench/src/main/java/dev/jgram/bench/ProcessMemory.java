package dev.jgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident memory of this JVM, measured after letting the garbage collector settle. */
public final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private static final int SETTLE_STEP_MS = 200;

  private ProcessMemory() {}

  /** Used heap bytes after several full collections, once the figure stops falling. */
  public static long settledUsedHeap() {
    MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 6; round++) {
      System.gc();
      long used = bean.getHeapMemoryUsage().getUsed();
      if (used >= best && round >= 2) {
        return best;
      }
      best = Math.min(best, used);
    }
    return best;
  }

  /** Bytes the JVM has committed for the Java heap. */
  public static long heapCommitted() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  /** Whether the resident set size can be read ({@code /proc/self/status}, Linux). */
  public static boolean rssAvailable() {
    return Files.isReadable(STATUS);
  }

  /**
   * The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "unknown": the figures
   * of a run on a busy machine are read beside them.
   */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The resident set size once it has stopped falling. After a collection that shrinks the
   * heap, G1 returns the freed regions to the OS in a background task: its committed size
   * drops at once, the RSS only a moment later. Read in between, the RSS still holds memory
   * the JVM no longer counts as heap, which would show as native memory. So the RSS is read
   * every {@value #SETTLE_STEP_MS} ms until it falls by less than 1 MiB (at most 3 s).
   */
  public static long settledRssBytes() {
    long last = rssBytes();
    for (int step = 0; step < 3000 / SETTLE_STEP_MS; step++) {
      try {
        Thread.sleep(SETTLE_STEP_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
      long now = rssBytes();
      if (now > last - (1 << 20)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** The resident set size in bytes ({@code VmRSS} of {@code /proc/self/status}). */
  public static long rssBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STATUS, e);
    }
    throw new IllegalStateException(STATUS + " has no VmRSS line");
  }
}
