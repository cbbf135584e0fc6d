package dev.jgram.bench.client;

import java.util.Locale;

/**
 * A timed batch of calls.
 *
 * @param scenario what was timed
 * @param calls calls answered
 * @param seconds wall time
 * @param clientCpuMillis CPU time of this process (every thread) during the batch
 * @param clusterCpuMillis CPU time of the cluster process during the batch (10 ms steps)
 * @param heapGrowthBytes how much this process's live heap (after the GC settles) grew over
 *     the batch: what the client still holds for calls already answered
 */
record Rate(String scenario, long calls, double seconds, double clientCpuMillis,
    double clusterCpuMillis, long heapGrowthBytes) {

  /** Calls per wall-clock second. */
  double perSecond() {
    return calls / seconds;
  }

  /** Client CPU per call, in µs. */
  double clientCpuMicros() {
    return clientCpuMillis * 1000 / calls;
  }

  /** Cluster CPU per call, in µs. */
  double clusterCpuMicros() {
    return clusterCpuMillis * 1000 / calls;
  }

  /**
   * Calls per second that the two processes' CPU time per call allows on this machine's
   * cores if nothing else ran and every core were busy: cores / (client + cluster CPU per
   * call). An upper bound: a sequential caller also waits for each side in turn.
   */
  double perSecondOfCpu(int cores) {
    return cores * 1e6 / (clientCpuMicros() + clusterCpuMicros());
  }

  /** One report line. */
  String line() {
    int cores = Runtime.getRuntime().availableProcessors();
    return String.format(Locale.ROOT, "%-26s %,9.0f calls/s  (%,d calls in %.2f s; CPU per"
        + " call: client %.1f µs + cluster %.1f µs, at most %,.0f calls/s on %d idle cores;"
        + " live heap %+.0f bytes per call)", scenario, perSecond(), calls, seconds,
        clientCpuMicros(), clusterCpuMicros(), perSecondOfCpu(cores), cores,
        heapGrowthBytes / (double) calls);
  }
}
