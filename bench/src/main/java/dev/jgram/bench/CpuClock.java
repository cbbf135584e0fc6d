package dev.jgram.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the calling thread's time went during a timed scenario, from Linux's
 * {@code /proc/thread-self/schedstat}: on a CPU, waiting in the run queue for a core (a busy
 * machine), or neither (sleeping, which for a storage engine means waiting for the disk).
 */
final class CpuClock {
  private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

  /**
   * A reading of the thread's clocks.
   *
   * @param wallNanos {@link System#nanoTime()}
   * @param cpuNanos time on a CPU
   * @param queuedNanos time runnable but waiting for a CPU
   */
  record Reading(long wallNanos, long cpuNanos, long queuedNanos) {}

  private CpuClock() {}

  /** Reads the calling thread's clocks; CPU and queue are 0 where Linux does not tell. */
  static Reading now() {
    long wall = System.nanoTime();
    try {
      String[] f = Files.readString(SCHEDSTAT).trim().split("\\s+");
      return new Reading(wall, Long.parseLong(f[0]), Long.parseLong(f[1]));
    } catch (IOException | RuntimeException e) {
      return new Reading(wall, 0, 0);
    }
  }

  /**
   * A progress line: the shares of the time since {@code start}, and {@code ops} per second
   * of CPU time (what the run would reach with a core to itself and no disk waits).
   */
  static String since(Reading start, long ops) {
    Reading end = now();
    double wall = end.wallNanos() - start.wallNanos();
    if (wall < 100e6 || end.cpuNanos() == start.cpuNanos()) {
      // Linux brings a running thread's counters up to date only every few milliseconds.
      return String.format(Locale.ROOT, "#   %.3f s: too short to split", wall / 1e9);
    }
    double cpu = 100 * (end.cpuNanos() - start.cpuNanos()) / wall;
    double queued = 100 * (end.queuedNanos() - start.queuedNanos()) / wall;
    double perCpuSecond = ops * 1e9 / Math.max(1, end.cpuNanos() - start.cpuNanos());
    return String.format(Locale.ROOT, "#   %.2f s: on a CPU %.0f%%, waiting for a core %.0f%%,"
        + " sleeping (disk) %.0f%%; %,.0f per CPU-second", wall / 1e9, cpu, queued,
        Math.max(0, 100 - cpu - queued), perCpuSecond);
  }
}
