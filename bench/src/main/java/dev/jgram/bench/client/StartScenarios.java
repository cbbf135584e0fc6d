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
    String scenario = "first start (" + (file ? "file" : "memory") + ")";
    for (int i = 0; i < warmUp; i++) {
      firstStartMillis("warm-" + scenario.length() + "-" + i, file);
    }
    long seen = cluster.keyExchangesSeen();
    List<Double> millis = new ArrayList<>();
    long clientExchanges = 0;
    for (int i = 0; i < runs; i++) {
      double[] run = firstStartMillis((file ? "first-file-" : "first-mem-") + i, file);
      millis.add(run[0]);
      clientExchanges += (long) run[1];
    }
    return new Timings(scenario, millis, cluster.keyExchangesSeen() - seen, clientExchanges);
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
    List<Double> millis = new ArrayList<>();
    long clientExchanges = 0;
    for (int i = 0; i < runs; i++) {
      double[] run = reconnectOnce();
      millis.add(run[0]);
      clientExchanges += (long) run[1];
    }
    return new Timings("reconnect (file session)", millis,
        cluster.keyExchangesSeen() - seen, clientExchanges);
  }

  /** {ms, key exchanges} of one first start. */
  private double[] firstStartMillis(String name, boolean file) {
    long start = System.nanoTime();
    try (Client client = client(name, file)) {
      client.loginBot(token);
      client.getMe();
      double ms = (System.nanoTime() - start) / 1e6;
      return new double[] {ms, client.keyExchanges()};
    }
  }

  /** {ms, key exchanges} of one reconnect. */
  private double[] reconnectOnce() {
    long start = System.nanoTime();
    try (Client client = client("reconnect", true)) {
      client.getMe();
      double ms = (System.nanoTime() - start) / 1e6;
      return new double[] {ms, client.keyExchanges()};
    }
  }

  private Client client(String name, boolean file) {
    var builder = cluster.client(name);
    return (file ? builder.workdir(sessions) : builder.inMemory(true)).build();
  }
}
