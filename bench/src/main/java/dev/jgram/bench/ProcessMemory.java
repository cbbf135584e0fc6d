package dev.jgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident memory of this JVM, measured after letting the garbage collector settle. */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Used heap bytes after several full collections, once the figure stops falling. */
  static long settledUsedHeap() {
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
  static long heapCommitted() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  /** Whether the resident set size can be read ({@code /proc/self/status}, Linux). */
  static boolean rssAvailable() {
    return Files.isReadable(STATUS);
  }

  /**
   * The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "unknown": the figures
   * of a run on a busy machine are read beside them.
   */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The resident set size in bytes ({@code VmRSS} of {@code /proc/self/status}). */
  static long rssBytes() {
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
