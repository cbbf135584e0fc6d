package dev.jgram.bench.client;

import java.util.List;
import java.util.Locale;

/**
 * Repeated timings of one scenario.
 *
 * @param scenario what was timed
 * @param millis each run's wall time, in run order
 * @param buildMillis the part of each run spent building the client (opening its storage)
 * @param clusterKeyExchanges key exchanges the cluster's events file gained during the runs
 * @param clientKeyExchanges key exchanges the clients reported, summed over the runs
 * @param clientCpuMillis this process's CPU time per run (JIT and GC included)
 * @param clusterCpuMillis the cluster's CPU time per run (10 ms steps, averaged)
 */
record Timings(String scenario, List<Double> millis, List<Double> buildMillis,
    long clusterKeyExchanges, long clientKeyExchanges, double clientCpuMillis,
    double clusterCpuMillis) {

  Timings {
    millis = List.copyOf(millis);
    buildMillis = List.copyOf(buildMillis);
    if (millis.isEmpty()) {
      throw new IllegalArgumentException(scenario + ": no runs were timed");
    }
  }

  /** The median run, in ms (the mean of the middle two for an even count). */
  double medianMillis() {
    return percentile(50);
  }

  /** The {@code p}th percentile run (nearest rank), in ms; 50 is the median. */
  double percentile(int p) {
    return percentile(millis, p);
  }

  /** The median time to build the client, in ms. */
  double medianBuildMillis() {
    return percentile(buildMillis, 50);
  }

  private static double percentile(List<Double> millis, int p) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** One report line. */
  String line() {
    return String.format(Locale.ROOT, "%-26s median %7.2f ms  p90 %7.2f ms  min %7.2f ms"
        + "  (%d runs; building the client: median %.2f ms; CPU per run: client %.1f ms +"
        + " cluster %.1f ms; key exchanges: cluster %d, clients %d)", scenario,
        medianMillis(), percentile(90), percentile(0), millis.size(), medianBuildMillis(),
        clientCpuMillis, clusterCpuMillis, clusterKeyExchanges, clientKeyExchanges);
  }
}
