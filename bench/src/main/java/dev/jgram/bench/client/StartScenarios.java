package dev.jgram.bench.client;

import dev.jgram.Client;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways a client comes online. First start: a client on a fresh session (memory or
 * file) makes its key, logs the bot in and asks getMe. Reconnect: a client opened from a file
 * session that already holds a key and a login asks getMe; nothing else may happen first, so
 * both the cluster's events file and the clients must count 0 key exchanges.
 */
final class StartScenarios {
  private final BenchCluster cluster;
  private final String token;
  private final Path sessions;
  private int named;

  StartScenarios(BenchCluster cluster, String token, Path sessions) {
    this.cluster = cluster;
    this.token = token;
    this.sessions = sessions;
  }

  /**
   * {@code warmUp} untimed then {@code runs} timed first starts, each {@code new Client} to
   * the getMe answer; {@code file} picks a new file session per run over a memory one.
   */
  Timings firstStart(int warmUp, int runs, boolean file) {
    return firstStart("first start (" + (file ? "file" : "memory") + ")", warmUp, runs, file);
  }

  /** As {@link #firstStart(int, int, boolean)}, reported as {@code scenario}. */
  Timings firstStart(String scenario, int warmUp, int runs, boolean file) {
    for (int i = 0; i < warmUp; i++) {
      firstStartMillis("client-" + named++, file);
    }
    long seen = cluster.keyExchangesSeen();
    CpuMark cpu = CpuMark.now(cluster);
    List<double[]> timed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      timed.add(firstStartMillis("client-" + named++, file));
    }
    return timings(scenario, timed, seen, cpu);
  }

  /**
   * Logs one file session in, then times {@code warmUp} untimed and {@code runs} timed
   * reconnects from it: {@code new Client} from the stored file to the first getMe answer.
   */
  Timings reconnect(int warmUp, int runs) {
    try (Client setup = client("reconnect", true)) {
      setup.loginBot(token);
    }
    for (int i = 0; i < warmUp; i++) {
      reconnectOnce();
    }
    long seen = cluster.keyExchangesSeen();
    CpuMark cpu = CpuMark.now(cluster);
    List<double[]> timed = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      timed.add(reconnectOnce());
    }
    return timings("reconnect (file session)", timed, seen, cpu);
  }

  /** Runs of {ms, build ms, key exchanges}, with the cluster's count and CPU before them. */
  private Timings timings(String scenario, List<double[]> runs, long seenBefore,
      CpuMark before) {
    CpuMark after = CpuMark.now(cluster);
    long exchanges = cluster.keyExchangesSeen() - seenBefore;
    return new Timings(scenario, runs.stream().map(r -> r[0]).toList(),
        runs.stream().map(r -> r[1]).toList(), exchanges,
        runs.stream().mapToLong(r -> (long) r[2]).sum(),
        after.clientMillisSince(before) / runs.size(),
        after.clusterMillisSince(before) / runs.size());
  }

  /** {ms, build ms, key exchanges} of one first start. */
  private double[] firstStartMillis(String name, boolean file) {
    long start = System.nanoTime();
    try (Client client = client(name, file)) {
      long built = System.nanoTime();
      client.loginBot(token);
      client.getMe();
      long end = System.nanoTime();
      return new double[] {(end - start) / 1e6, (built - start) / 1e6, client.keyExchanges()};
    }
  }

  /** {ms, build ms, key exchanges} of one reconnect. */
  private double[] reconnectOnce() {
    long start = System.nanoTime();
    try (Client client = client("reconnect", true)) {
      long built = System.nanoTime();
      client.getMe();
      long end = System.nanoTime();
      return new double[] {(end - start) / 1e6, (built - start) / 1e6, client.keyExchanges()};
    }
  }

  private Client client(String name, boolean file) {
    var builder = cluster.client(name);
    return (file ? builder.workdir(sessions) : builder.inMemory(true)).build();
  }
}
