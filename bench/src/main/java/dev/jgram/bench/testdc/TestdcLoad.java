package dev.jgram.bench.testdc;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.io.IoLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The testdc load scenario: {@code jgram testdc} in its own process holds {@code --sessions}
 * connected sessions, each logged in as the same bot with its own auth key (written into the
 * state directory beforehand), and answers {@code users.getUsers([inputUserSelf])} from all of
 * them at once for {@code --seconds}. Reports logins, answers per second, and the cluster's
 * resident memory per idle logged-in session. Clients run in this process on
 * {@code --client-threads} selector threads, on the same machine: they take CPU from the
 * cluster, so the rate is a lower bound of what the cluster alone could answer.
 *
 * <pre>
 * java -cp jgram-bench-0.1.0-SNAPSHOT-all.jar dev.jgram.bench.testdc.TestdcLoad --sessions 10000
 * </pre>
 */
@Command(name = "testdc-load", mixinStandardHelpOptions = true,
    description = "Many logged-in sessions against one jgram testdc process.")
public final class TestdcLoad implements Callable<Integer> {
  private static final String TOKEN = "123456:loadtestbot";

  @Option(names = "--sessions", defaultValue = "10000", description = "Sessions (10000).")
  int sessions;

  @Option(names = "--seconds", defaultValue = "10", description = "Load phase length (10).")
  int seconds;

  @Option(names = "--in-flight", defaultValue = "1",
      description = "Calls each session keeps outstanding (1).")
  int inFlight;

  @Option(names = "--client-threads", defaultValue = "1",
      description = "Selector threads of the clients (1).")
  int clientThreads;

  @Option(names = "--port", defaultValue = "24000", description = "The cluster's port (24000).")
  int port;

  @Option(names = "--heap", defaultValue = "3g", description = "The cluster's -Xmx (3g).")
  String heap;

  @Option(names = "--cluster-java-option", paramLabel = "OPTION",
      description = "A further JVM option for the cluster process (repeatable), e.g."
          + " -XX:StartFlightRecording=filename=testdc.jfr")
  List<String> clusterJavaOptions = new ArrayList<>();

  /** Runs the scenario; see the class description. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TestdcLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("jgram-testdc-load");
    List<byte[]> keys = LoadKeys.make(sessions, 15);
    LoadKeys.write(work.resolve("state"), 1, keys);
    try (ClusterProcess cluster = ClusterProcess.start(heap, clusterJavaOptions,
        work.resolve("cluster.log"),
        List.of("--dcs", "1", "--port", Integer.toString(port), "--state-dir",
            work.resolve("state").toString(), "--bot", TOKEN + "@1"))) {
      long rssBefore = cluster.rssKib();
      LoadStats stats = new LoadStats(sessions);
      List<IoLoop> loops = new ArrayList<>();
      for (int i = 0; i < clientThreads; i++) {
        loops.add(IoLoop.start("load-client-" + i));
      }
      try {
        long loginStart = System.nanoTime();
        List<LoadSession> clients = connect(cluster.port(1), keys, loops, stats);
        boolean all = stats.awaitLogins(600);
        double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
        long rssIdle = cluster.rssKib();
        stats.running(true);
        long answered0 = stats.answers();
        long cpu0 = cluster.cpuMillis();
        long start = System.nanoTime();
        clients.forEach(c -> c.startLoad(inFlight));
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long answered = stats.answers() - answered0;
        long cpu = cluster.cpuMillis() - cpu0;
        stats.running(false);
        report(stats, all, loginSeconds, rssBefore, rssIdle, answered, elapsed);
        System.out.printf("cluster CPU        %.1f s in the load phase: %.1f µs per answer"
            + " (%.0f answers/s per fully used core)%n", cpu / 1000.0,
            cpu * 1000.0 / Math.max(1, answered), answered / Math.max(0.001, cpu / 1000.0));
        return all && stats.errors() == 0 ? 0 : 1;
      } finally {
        loops.forEach(IoLoop::close);
      }
    }
  }

  private List<LoadSession> connect(int dcPort, List<byte[]> keys, List<IoLoop> loops,
      LoadStats stats) throws IOException {
    TlCodec codec = TlCodec.forLayer(198);
    byte[] login = codec.encode(wrapped(TlObject.of("auth.importBotAuthorization", "flags", 0,
        "api_id", 12345, "api_hash", "0123456789abcdef0123456789abcdef", "bot_auth_token",
        TOKEN)));
    byte[] getMe = codec.encode(TlObject.of("users.getUsers", "id",
        List.of(TlObject.of("inputUserSelf"))));
    RandomSource random = RandomSource.secure();
    List<LoadSession> clients = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", dcPort));
      LoadSession client = new LoadSession(keys.get(i), login, getMe, stats, random);
      loops.get(i % loops.size()).adopt(channel, client);
      clients.add(client);
    }
    return clients;
  }

  private static TlObject wrapped(TlObject query) {
    return TlObject.of("invokeWithLayer", "layer", 198, "query", TlObject.of("initConnection",
        "api_id", 12345, "device_model", "jgram load", "system_version", "1",
        "app_version", "1", "system_lang_code", "en", "lang_pack", "", "lang_code", "en",
        "query", query));
  }

  private void report(LoadStats stats, boolean all, double loginSeconds, long rssBefore,
      long rssIdle, long answered, double elapsed) {
    System.out.printf("sessions           %d (logged in: %s, %d failed logins, %.1f s to"
        + " connect and log in all)%n",
        sessions, all ? "all" : (sessions - stats.loginsLeft()) + "", stats.loginFailures(),
        loginSeconds);
    System.out.printf("answers            %d in %.1f s = %.0f RPC/s (%d errors, %d transport"
        + " errors, %d connections closed)%n", answered, elapsed, answered / elapsed,
        stats.errors(), stats.transportErrors(), stats.closedConnections());
    System.out.printf("cluster RSS        %d MiB before, %d MiB with the sessions idle: %.1f"
        + " KiB per idle session%n", rssBefore / 1024, rssIdle / 1024,
        (rssIdle - rssBefore) / (double) sessions);
  }
}
