package dev.jgram.bench;

import java.util.Arrays;

/** Percentiles of per-call latencies measured with {@link System#nanoTime()}. */
final class Latencies {
  private final long[] sortedNanos;

  private Latencies(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  /** Sorts a copy of {@code nanos}. */
  static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no latencies were measured");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted);
  }

  /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100), in microseconds. */
  double percentileMicros(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    int index = Math.max(0, Math.min(sortedNanos.length - 1, rank - 1));
    return sortedNanos[index] / 1_000.0;
  }
}
