package dev.jgram.bench.client;

import dev.jgram.Client;
import dev.jgram.bench.ProcessMemory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The online client's performance run, against {@code jgram testdc} in a child process on
 * this machine:
 *
 * <ol>
 *   <li>first start: a new client on a fresh memory, then file, session: key exchange,
 *       {@code loginBot}, {@code getMe} (median of {@code --runs} after {@code --warm-up}
 *       untimed ones; the very first one, in a cold JVM, is reported on its own);
 *   <li>reconnect: a client from a stored file session to its first getMe answer, with 0
 *       key exchanges counted in the cluster's events file and by the clients;
 *   <li>sequential getMe round trips per second on one connection;
 *   <li>getMe with {@code --in-flight} calls outstanding on that one connection;
 *   <li>a fleet of {@code --fleet} bots, each on its own client, logged in and idle: resident
 *       memory per session and thread count before and after.
 * </ol>
 *
 * <p>The first two run against a cluster that writes its events file; the fleet, then the
 * rates, against a second cluster without one (it flushes a line per RPC). Both processes share the machine's
 * cores, so the rates come with the CPU time per call of each side.
 *
 * <pre>
 * java -cp jgram-bench-0.1.0-SNAPSHOT-all.jar dev.jgram.bench.client.ClientBench
 * </pre>
 */
@Command(name = "client-bench", mixinStandardHelpOptions = true,
    description = "The online Client against a jgram testdc in another process.")
public final class ClientBench implements Callable<Integer> {
  private static final String TOKEN = "5000001:benchbotsecret";

  @Option(names = "--runs", defaultValue = "51", description = "Timed first starts and"
      + " reconnects each (51).")
  int runs;

  @Option(names = "--warm-up", defaultValue = "20", description = "Untimed runs before each"
      + " timed series (20).")
  int warmUp;

  @Option(names = "--calls", defaultValue = "50000", description = "Sequential getMe calls"
      + " (50000).")
  int calls;

  @Option(names = "--sequential-warm-up", defaultValue = "50000", description = "Untimed"
      + " getMe calls before the sequential ones (50000): until the JIT compilers have done"
      + " with the call path, their threads take a large share of two cores.")
  int sequentialWarmUp;

  @Option(names = "--concurrent-calls", defaultValue = "200000",
      description = "getMe calls with calls in flight (200000).")
  int concurrentCalls;

  @Option(names = "--in-flight", defaultValue = "64", description = "Threads calling getMe at"
      + " once on one client (64).")
  int inFlight;

  @Option(names = "--fleet", defaultValue = "1000", description = "Bot sessions in the idle"
      + " fleet (1000).")
  int fleet;

  @Option(names = "--fleet-storage", defaultValue = "memory",
      description = "The fleet's sessions: memory or file (memory).")
  String fleetStorage;

  @Option(names = "--heap", defaultValue = "1g", description = "The cluster's -Xmx (1g).")
  String heap;

  @Option(names = "--cluster-java-option", paramLabel = "OPTION",
      description = "A further JVM option for the cluster processes (repeatable).")
  List<String> clusterJavaOptions = new ArrayList<>();

  /** Runs every scenario; see the class description. */
  public static void main(String[] args) {
    dev.jgram.bench.LibraryLog.quiet();
    System.exit(new CommandLine(new ClientBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ClientReport report = run(System.out);
    return report.consistent() ? 0 : 1;
  }

  /** Runs every scenario, printing each figure to {@code out} as it comes. */
  ClientReport run(PrintStream out) throws IOException {
    if (!fleetStorage.equals("memory") && !fleetStorage.equals("file")) {
      throw new IllegalArgumentException("--fleet-storage must be memory or file, was "
          + fleetStorage);
    }
    Path work = Files.createTempDirectory("jgram-client-bench");
    Files.createDirectories(work.resolve("sessions"));
    Files.createDirectories(work.resolve("fleet-sessions"));
    out.printf("# %d cores, load average %s (1, 5, 15 min) at the start%n",
        Runtime.getRuntime().availableProcessors(), ProcessMemory.loadAverage());
    List<Timings> starts = starts(work, out);
    out.printf("# load average %s%n", ProcessMemory.loadAverage());
    List<Rate> rates = new ArrayList<>();
    FleetFigures figures = fleetAndRates(work, out, rates);
    out.printf("# load average %s at the end%n", ProcessMemory.loadAverage());
    return new ClientReport(starts, rates, figures);
  }

  /** First starts and reconnects, against a cluster that writes its events file. */
  private List<Timings> starts(Path work, PrintStream out) throws IOException {
    List<Timings> starts = new ArrayList<>();
    try (BenchCluster cluster = BenchCluster.start(work.resolve("starts"), heap,
        clusterJavaOptions, List.of(TOKEN), true)) {
      StartScenarios s = new StartScenarios(cluster, TOKEN, work.resolve("sessions"));
      starts.add(print(out, s.firstStart("first start (cold JVM)", 0, 1, false)));
      starts.add(print(out, s.firstStart(warmUp, runs, false)));
      starts.add(print(out, s.firstStart(warmUp, runs, true)));
      starts.add(print(out, s.reconnect(warmUp, runs)));
    }
    return starts;
  }

  /** The fleet, then the rates (added to {@code rates}), against a cluster without events. */
  private FleetFigures fleetAndRates(Path work, PrintStream out, List<Rate> rates)
      throws IOException {
    List<String> tokens = fleetTokens(fleet);
    List<String> bots = new ArrayList<>(List.of(TOKEN));
    bots.addAll(tokens);
    try (BenchCluster cluster = BenchCluster.start(work.resolve("load"), heap,
        clusterJavaOptions, bots, false)) {
      // The fleet first: after the rate scenarios the JVM has committed and touched a large
      // heap, the fleet's objects land in pages already resident, and its RSS barely moves.
      FleetFigures figures = new ClientFleet(cluster, work.resolve("fleet-sessions"),
          fleetStorage.equals("file")).run(tokens);
      out.println(figures.lines());
      out.printf("# load average %s%n", ProcessMemory.loadAverage());
      try (Client client = cluster.client("rates").inMemory(true).build()) {
        client.loginBot(TOKEN);
        RateScenarios r = new RateScenarios(cluster, client);
        rates.add(print(out, r.sequential(sequentialWarmUp, calls)));
        out.printf("# load average %s%n", ProcessMemory.loadAverage());
        rates.add(print(out, r.concurrent(Math.min(concurrentCalls, 20000), concurrentCalls,
            inFlight)));
      }
      return figures;
    }
  }

  /** {@code count} distinct bot tokens {@code <id>:<secret>}. */
  static List<String> fleetTokens(int count) {
    List<String> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tokens.add((7_000_000 + i) + ":fleetbot" + i);
    }
    return tokens;
  }

  private static Timings print(PrintStream out, Timings t) {
    out.println(t.line());
    return t;
  }

  private static Rate print(PrintStream out, Rate r) {
    out.println(r.line());
    return r;
  }
}
