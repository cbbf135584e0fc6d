package dev.jgram.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The workload runner: {@code java -jar jgram-bench-0.1.0-SNAPSHOT-all.jar [options]} (or
 * {@code ./jgram bench [options]}) measures the peer-cache workload of
 * {@code shared/bench/workload.md} against the file and memory engines and prints a table,
 * or with {@code --json} one JSON document. {@code --engine postgres --jdbc-url URL} instead
 * runs {@code --sessions} sessions at once against a PostgreSQL server (aggregate figures). {@code --svg} and {@code --markdown} write the
 * README chart and results table, from this run or from an earlier {@code --json} output
 * given with {@code --from}.
 */
@Command(name = "jgram bench", mixinStandardHelpOptions = true, sortOptions = false,
    version = "jgram bench 0.1.0-SNAPSHOT",
    description = "Measures jgram's storage engines on the peer-cache workload.")
public final class BenchMain implements Callable<Integer> {

  /** The engines a run can measure. */
  enum Engine { FILE, MEMORY, POSTGRES }

  @Option(names = "--peers", arity = "1..*", paramLabel = "N",
      description = "Peer counts to run (default: 10000 100000; none with only --fleet).")
  private List<Integer> peers;

  @Option(names = "--engine", paramLabel = "file|memory|postgres",
      description = "The engine to measure (default: file and memory; postgres needs "
          + "--jdbc-url).")
  private Engine engine;

  @Option(names = "--json", description = "Print one JSON document instead of a table.")
  private boolean json;

  @Option(names = "--seed", defaultValue = "42", description = "Workload seed (default: 42).")
  private long seed;

  @Option(names = "--dir", description = "Directory for session files (default: a temp dir).")
  private Path dir;

  @Option(names = "--fleet", description = "Also run the fleet scenario (file engine).")
  private boolean fleet;

  @Option(names = "--fleet-sessions", defaultValue = "1000", paramLabel = "S",
      description = "Sessions open at once in the fleet (default: 1000).")
  private int fleetSessions;

  @Option(names = "--fleet-peers", defaultValue = "1000", paramLabel = "N",
      description = "Peers per fleet session (default: 1000).")
  private int fleetPeers;

  @Option(names = "--runs", defaultValue = "1", paramLabel = "R",
      description = "Run each N (and the fleet) R times; report each figure's median "
          + "(the fleet's RSS per session: the first run's).")
  private int runs;

  @Option(names = "--lookups", defaultValue = "10000", paramLabel = "K",
      description = "Random keys per lookup kind (default: 10000).")
  private int lookups;

  @Option(names = "--warmup-peers", defaultValue = "10000", paramLabel = "N",
      description = "Peers of an untimed warm-up run per engine before measuring; 0: none.")
  private int warmupPeers;

  @Option(names = "--warmup-ms", defaultValue = "300", paramLabel = "MS",
      description = "Untimed lookups per kind for at least this long before timing them.")
  private int warmupMillis;

  @Option(names = "--from", arity = "1..*", paramLabel = "FILE",
      description = "Read earlier --json outputs (results joined) instead of measuring.")
  private List<Path> from;

  @Option(names = "--svg", paramLabel = "FILE", description = "Write the chart (SVG) here.")
  private Path svg;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Write the Markdown results table here.")
  private Path markdown;

  @Mixin
  private PostgresOptions postgres;

  @Spec
  private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  private BenchMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new BenchMain(out, err))
        .setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cmd.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    validate();
    Report report;
    if (from != null) {
      report = Report.join(from.stream().map(Report::read).toList());
      out.print(json ? "" : report.toTable());
    } else {
      report = measure();
    }
    if (json) {
      out.println(report.toJson());
    }
    out.flush();
    if (svg != null) {
      write(svg, Chart.svg(report));
    }
    if (markdown != null) {
      write(markdown, ResultsTable.markdown(report));
    }
    return 0;
  }

  /**
   * Runs the chosen scenarios. Without {@code --json} the table is printed as it grows; with
   * it, the same lines go to stderr as progress and stdout gets only the document.
   */
  private Report measure() throws IOException {
    Path workDir = dir != null ? Files.createDirectories(dir)
        : Files.createTempDirectory("jgram-bench");
    String jvm = jvm();
    String sqlite = sqliteVersion();
    int cores = Runtime.getRuntime().availableProcessors();
    if (!json) {
      out.print(Report.header(jvm, sqlite, cores, seed));
    }
    PrintStream progress = json ? err : out;
    progress.println("# load average at start: " + ProcessMemory.loadAverage());
    try {
      RunSettings settings = new RunSettings(workDir, seed, lookups, warmupMillis,
          line -> progress.println(line));
      Report report = new Report(jvm, sqlite, cores, seed, results(settings));
      progress.println("# load average at end: " + ProcessMemory.loadAverage());
      return report;
    } finally {
      if (dir == null) {
        deleteTree(workDir);
      }
    }
  }

  private List<Result> results(RunSettings settings) {
    if (engine == Engine.POSTGRES) {
      return postgresResults(settings);
    }
    Runner runner = new Runner(settings, engines());
    List<Integer> ns = peers != null ? peers : fleet ? List.of() : List.of(10_000, 100_000);
    if (warmupPeers > 0 && !ns.isEmpty()) {
      runner.warmUp(warmupPeers);
    }
    List<Result> results = new ArrayList<>();
    for (int n : ns) {
      results.addAll(repeated(() -> runner.run(n)));
    }
    if (fleet) {
      results.addAll(repeated(() -> List.of(
          new FleetScenario(settings).run(fleetSessions, fleetPeers))));
    }
    return results;
  }

  private List<Result> postgresResults(RunSettings settings) {
    DataSource dataSource;
    try {
      dataSource = postgres.dataSource();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    settings.progress().accept("# postgres: " + PostgresOptions.masked(postgres.jdbcUrl)
        + ", " + postgres.sessions + " sessions");
    PostgresScenario scenario = new PostgresScenario(dataSource, settings, postgres.sessions);
    List<Result> results = new ArrayList<>();
    for (int n : peers != null ? peers : List.of(10_000)) {
      results.addAll(repeated(() -> scenario.run(n)));
    }
    return results;
  }

  private List<Result> repeated(Supplier<List<Result>> run) {
    List<List<Result>> all = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      all.add(run.get());
    }
    return runs == 1 ? all.get(0) : Medians.of(all);
  }

  private void validate() {
    positive("--runs", runs);
    positive("--lookups", lookups);
    positive("--fleet-sessions", fleetSessions);
    positive("--fleet-peers", fleetPeers);
    positive("--sessions", postgres.sessions);
    if ((engine == Engine.POSTGRES) != (postgres.jdbcUrl != null)) {
      throw new ParameterException(spec.commandLine(),
          "--engine postgres and --jdbc-url go together");
    }
    if (engine == Engine.POSTGRES && fleet) {
      throw new ParameterException(spec.commandLine(), "--fleet runs on the file engine only");
    }
    for (int n : peers == null ? List.<Integer>of() : peers) {
      positive("--peers", n);
    }
    if (warmupPeers < 0 || warmupMillis < 0) {
      throw new ParameterException(spec.commandLine(),
          "--warmup-peers and --warmup-ms must not be negative");
    }
  }

  private void positive(String option, int value) {
    if (value < 1) {
      throw new ParameterException(spec.commandLine(),
          option + " must be at least 1, was " + value);
    }
  }

  private List<Engine> engines() {
    return engine == null ? List.of(Engine.FILE, Engine.MEMORY) : List.of(engine);
  }

  private static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
  }

  /** The version of the SQLite library that sqlite-jdbc loads. */
  static String sqliteVersion() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select sqlite_version()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot ask SQLite for its version", e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
