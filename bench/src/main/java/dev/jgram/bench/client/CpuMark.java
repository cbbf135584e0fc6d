package dev.jgram.bench.client;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/**
 * The CPU time both processes had used at one moment: this one (every thread, JIT and GC
 * included) and the cluster's. On a machine shared with other work, wall time stretches with
 * the queue for a core; CPU time per operation does not.
 *
 * @param clientNanos this process's CPU time
 * @param clusterMillis the cluster process's CPU time (10 ms steps)
 */
record CpuMark(long clientNanos, long clusterMillis) {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Both clocks now. */
  static CpuMark now(BenchCluster cluster) {
    try {
      return new CpuMark(OS.getProcessCpuTime(), cluster.cpuMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster's CPU time", e);
    }
  }

  /** This process's CPU milliseconds since {@code earlier}. */
  double clientMillisSince(CpuMark earlier) {
    return (clientNanos - earlier.clientNanos) / 1e6;
  }

  /** The cluster's CPU milliseconds since {@code earlier}. */
  double clusterMillisSince(CpuMark earlier) {
    return clusterMillis - earlier.clusterMillis;
  }
}
