package dev.jgram.bench.testdc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured part of the load phase: answers, wall-clock time, the cluster's CPU time split
 * into user and system (from {@code /proc/<pid>/stat}), the load clients' CPU time (this
 * process) and the machine's load average at both ends, since other work shares the cores.
 */
final class Phase {
  private final LoadStats stats;
  private final ClusterProcess cluster;
  private final long answers;
  private final long nanos;
  private final long[] clusterCpu;
  private final long clientCpuNanos;
  private final Map<String, Long> threads;
  private final String loadBefore;

  private Phase(LoadStats stats, ClusterProcess cluster) throws IOException {
    this.stats = stats;
    this.cluster = cluster;
    this.loadBefore = loadAverage();
    this.clusterCpu = cluster.cpuSplitMillis();
    this.threads = cluster.cpuMillisByThread();
    this.clientCpuNanos = clientCpuNanos();
    this.answers = stats.answers();
    this.nanos = System.nanoTime();
  }

  /** Starts measuring now. */
  static Phase start(LoadStats stats, ClusterProcess cluster) throws IOException {
    return new Phase(stats, cluster);
  }

  /** What happened since {@link #start}. */
  Result end() throws IOException {
    double seconds = (System.nanoTime() - nanos) / 1e9;
    long answered = stats.answers() - answers;
    long[] cpu = cluster.cpuSplitMillis();
    long clientCpu = clientCpuNanos() - clientCpuNanos;
    Map<String, Long> byThread = new TreeMap<>();
    cluster.cpuMillisByThread().forEach((name, millis) -> {
      long used = millis - threads.getOrDefault(name, 0L);
      if (used > 0) {
        byThread.put(name, used);
      }
    });
    return new Result(answered, seconds, cpu[0] - clusterCpu[0], cpu[1] - clusterCpu[1],
        clientCpu / 1_000_000, byThread, loadBefore, loadAverage());
  }

  /**
   * A measured phase.
   *
   * @param answers answers received
   * @param seconds wall-clock length
   * @param userMillis the cluster's user CPU time
   * @param systemMillis the cluster's system (kernel) CPU time
   * @param clientMillis the load clients' CPU time (this process)
   * @param byThread the cluster's CPU time (ms) by thread name, where it was above 0
   * @param loadBefore the 1/5/15-minute load averages at the start
   * @param loadAfter the same at the end
   */
  record Result(long answers, double seconds, long userMillis, long systemMillis,
      long clientMillis, Map<String, Long> byThread, String loadBefore, String loadAfter) {

    void print() {
      long cpu = userMillis + systemMillis;
      double perAnswer = cpu * 1000.0 / Math.max(1, answers);
      System.out.printf("cluster CPU        %.1f s in the measured %.1f s: %.1f µs per answer"
          + " (user %.1f + system %.1f), %.0f answers/s per fully used core%n", cpu / 1000.0,
          seconds, perAnswer, userMillis * 1000.0 / Math.max(1, answers),
          systemMillis * 1000.0 / Math.max(1, answers), answers / Math.max(0.001, cpu / 1000.0));
      StringBuilder threads = new StringBuilder();
      byThread.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> threads.append(String.format("%s %.1f, ", e.getKey().strip(),
              e.getValue() * 1000.0 / Math.max(1, answers))));
      System.out.printf("  by thread        %s(µs per answer)%n", threads);
      System.out.printf("client CPU         %.1f s: %.1f µs per answer (load clients and this"
          + " JVM)%n", clientMillis / 1000.0, clientMillis * 1000.0 / Math.max(1, answers));
      System.out.printf("load average       %s at the start, %s at the end%n", loadBefore,
          loadAfter);
    }
  }

  private static long clientCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static String loadAverage() throws IOException {
    Path path = Path.of("/proc/loadavg");
    if (!Files.exists(path)) {
      return "?";
    }
    String[] parts = Files.readString(path).trim().split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }
}
