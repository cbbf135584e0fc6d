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
 */
record Rate(String scenario, long calls, double seconds, double clientCpuMillis,
    double clusterCpuMillis) {

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
   * Calls per second if both processes had a core each (the slower side's CPU per call
   * limits it); what the 2-core machine would give without other load.
   */
  double perSecondOfCpu() {
    return 1e6 / Math.max(clientCpuMicros(), clusterCpuMicros());
  }

  /** One report line. */
  String line() {
    return String.format(Locale.ROOT, "%-26s %,9.0f calls/s  (%,d calls in %.2f s; CPU per"
        + " call: client %.1f µs, cluster %.1f µs: %,.0f calls/s with a core each)", scenario,
        perSecond(), calls, seconds, clientCpuMicros(), clusterCpuMicros(), perSecondOfCpu());
  }
}
