package dev.jgram.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Combines repeated runs the way the Pyrogram reference figures were made: each figure is the
 * median of its runs (single runs on a shared 2-core machine vary by tens of percent).
 *
 * <p>Except the fleet's resident memory per session, which is the first run's: the runs share
 * one process, and a later fleet opens its sessions in memory the earlier one freed but the
 * process kept (the C allocator's free lists, the heap the JVM had grown), so its RSS grows by
 * a fraction of what its sessions hold (measured: 202 KB in the first run, 75 and 72 KB after).
 */
final class Medians {
  private Medians() {}

  /**
   * The per-figure medians of runs that measured the same scenarios in the same order.
   *
   * @throws IllegalArgumentException if the runs do not line up
   */
  static List<Result> of(List<List<Result>> runs) {
    List<Result> first = runs.get(0);
    List<Result> merged = new ArrayList<>(first.size());
    for (int i = 0; i < first.size(); i++) {
      List<Result> same = new ArrayList<>(runs.size());
      for (List<Result> run : runs) {
        Result r = run.get(i);
        if (!r.scenario().equals(first.get(i).scenario()) || r.n() != first.get(i).n()
            || !r.engine().equals(first.get(i).engine())) {
          throw new IllegalArgumentException("run results do not line up at " + i + ": "
              + r.engine() + "/" + r.scenario() + " vs " + first.get(i).scenario());
        }
        same.add(r);
      }
      merged.add(median(same));
    }
    return merged;
  }

  private static Result median(List<Result> same) {
    Result r = same.get(0);
    return new Result(r.engine(), r.n(), r.scenario(), r.sessions(),
        median(same, Result::opsPerS), median(same, Result::p50Us),
        median(same, Result::p99Us), median(same, Result::ms),
        median(same, Result::bytesPerPeer), median(same, Result::heapBytesPerPeer),
        same.get(0).rssBytesPerSession());
  }

  /** The median of a field (the mean of the middle two for an even count), or null. */
  static Double median(List<Result> same, Function<Result, Double> field) {
    if (field.apply(same.get(0)) == null) {
      return null;
    }
    double[] values = same.stream().map(field).mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
