package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the workload runner once at a small N against both engines plus a tiny fleet, the way
 * {@code ./jgram bench --json} does, and checks the document it prints. Not a timed test: it
 * asserts the shape of the output and that every figure is a positive number.
 */
class BenchSmokeTest {
  private static final List<String> FILE_SCENARIOS = List.of("upsert", "reupsert", "lookup_id",
      "lookup_username", "lookup_phone", "lookup_miss", "open", "size");
  private static final List<String> MEMORY_SCENARIOS = List.of("upsert", "lookup_id",
      "lookup_username", "lookup_phone", "lookup_miss", "size");
  private static final Map<String, List<String>> FIELDS = Map.of(
      "upsert", List.of("ops_per_s"),
      "reupsert", List.of("ops_per_s"),
      "lookup_id", List.of("ops_per_s", "p50_us", "p99_us"),
      "lookup_username", List.of("ops_per_s", "p50_us", "p99_us"),
      "lookup_phone", List.of("ops_per_s", "p50_us", "p99_us"),
      "lookup_miss", List.of("ops_per_s", "p50_us", "p99_us"),
      "open", List.of("ms"),
      "fleet", List.of("sessions", "ops_per_s"));

  @TempDir static Path dir;
  private static JsonNode document;
  private static String stdout;

  @BeforeAll
  static void runTheBenchOnce() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = BenchMain.run(new String[] {"--peers", "2000", "--json", "--fleet",
        "--fleet-sessions", "5", "--fleet-peers", "200", "--lookups", "1000",
        "--warmup-peers", "200", "--warmup-ms", "0", "--seed", "7",
        "--dir", dir.resolve("sessions").toString(),
        "--svg", dir.resolve("docs/bench.svg").toString(),
        "--markdown", dir.resolve("docs/bench.md").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as("exit status; stderr:%n%s", err).isZero();
    document = new ObjectMapper().readTree(stdout);
  }

  @Test
  void stdoutIsOneJsonObjectWithTheMachineAndTheSeed() {
    List<String> keys = new ArrayList<>();
    document.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("jvm", "sqlite_version", "cores", "seed", "results");
    assertThat(document.get("jvm").asText()).isNotBlank();
    assertThat(document.get("sqlite_version").asText()).matches("3\\.\\d+\\.\\d+");
    assertThat(document.get("cores").asInt()).isPositive();
    assertThat(document.get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void everyScenarioOfBothEnginesAndTheFleetIsReportedOnce() {
    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode r : document.get("results")) {
      seen.merge(r.get("engine").asText() + "/" + r.get("scenario").asText(), 1, Integer::sum);
    }
    List<String> expected = new ArrayList<>();
    FILE_SCENARIOS.forEach(s -> expected.add("file/" + s));
    MEMORY_SCENARIOS.forEach(s -> expected.add("memory/" + s));
    expected.add("file/fleet");
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(seen.values()).containsOnly(1);
  }

  @Test
  void everyResultCarriesItsFieldsAsPositiveNumbers() {
    for (JsonNode r : document.get("results")) {
      String scenario = r.get("scenario").asText();
      String engine = r.get("engine").asText();
      List<String> fields = new ArrayList<>(FIELDS.getOrDefault(scenario, List.of()));
      if (scenario.equals("size")) {
        fields.add(engine.equals("file") ? "bytes_per_peer" : "heap_bytes_per_peer");
      }
      assertThat(fields).as(scenario).isNotEmpty();
      for (String field : fields) {
        assertThat(r.get(field)).as("%s/%s %s", engine, scenario, field).isNotNull();
        assertThat(r.get(field).isNumber()).as("%s/%s %s", engine, scenario, field).isTrue();
        assertThat(r.get(field).asDouble()).as("%s/%s %s", engine, scenario, field).isPositive();
      }
      assertThat(r.get("n").asInt()).isEqualTo(scenario.equals("fleet") ? 200 : 2000);
    }
  }

  @Test
  void theFleetCountsItsSessions() {
    JsonNode fleet = findFleet();
    assertThat(fleet.get("sessions").asInt()).isEqualTo(5);
    assertThat(fleet.get("engine").asText()).isEqualTo("file");
  }

  /**
   * Only its presence and type: the RSS growth of 5 small sessions (about 2 MB) is within what
   * the JVM itself moves when a collection resizes the heap, so its sign is not the engine's.
   * With the real fleet's 1,000 sessions the sessions' memory dominates.
   */
  @Test
  void theFleetReportsResidentMemoryPerSessionAsANumber() {
    JsonNode rss = findFleet().get("rss_bytes_per_session");
    assertThat(rss).isNotNull();
    assertThat(rss.isNumber()).isTrue();
    assertThat(Double.isFinite(rss.asDouble())).isTrue();
  }

  @Test
  void percentilesAreOrdered() {
    for (JsonNode r : document.get("results")) {
      if (r.has("p50_us")) {
        assertThat(r.get("p99_us").asDouble()).isGreaterThanOrEqualTo(r.get("p50_us").asDouble());
      }
    }
  }

  @Test
  void theChartAndTableAreWrittenFromTheRun() throws Exception {
    String svg = Files.readString(dir.resolve("docs/bench.svg"));
    assertThat(svg).startsWith("<svg").contains("jgram file, commit per batch", "seed 7");
    String md = Files.readString(dir.resolve("docs/bench.md"));
    assertThat(md.lines().filter(l -> l.startsWith("| file") || l.startsWith("| memory")))
        .hasSize(document.get("results").size());
  }

  @Test
  void noSessionFileIsLeftBehind() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("sessions"))) {
      assertThat(files).isEmpty();
    }
  }

  private static JsonNode findFleet() {
    for (JsonNode r : document.get("results")) {
      if (r.get("scenario").asText().equals("fleet")) {
        return r;
      }
    }
    throw new AssertionError("no fleet result in " + stdout);
  }
}
