package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code --engine postgres} once at a tiny size (3 sessions x 400 peers) against an
 * embedded PostgreSQL and checks the JSON it prints. Not a timed test: it asserts the shape of
 * the output, that every figure is a positive number, and that the password never shows.
 */
class PostgresBenchSmokeTest {
  private static final String PASSWORD = "pw-must-not-show-4711";

  private static EmbeddedPostgres server;
  private static JsonNode document;
  private static String printed;

  @BeforeAll
  static void runThePostgresModeOnce() throws Exception {
    server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    // The embedded server trusts local connections, so the password is carried but unused.
    String url = server.getJdbcUrl("postgres", "postgres") + "&password=" + PASSWORD;
    Output o = run("--engine", "postgres", "--jdbc-url", url, "--sessions", "3",
        "--peers", "400", "--lookups", "100", "--seed", "7", "--json");
    assertThat(o.status).as("exit status; stderr:%n%s", o.err).isZero();
    printed = o.out + o.err;
    document = new ObjectMapper().readTree(o.out);
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    server.close();
  }

  @Test
  void theThreeConcurrentScenariosAreReportedForPostgres() {
    List<String> scenarios = new ArrayList<>();
    for (JsonNode r : document.get("results")) {
      assertThat(r.get("engine").asText()).isEqualTo("postgres");
      scenarios.add(r.get("scenario").asText());
    }
    assertThat(scenarios).containsExactly(
        "upsert_concurrent", "reupsert_concurrent", "lookup_id_concurrent");
  }

  @Test
  void everyResultNamesItsSessionsPeersAndAPositiveRate() {
    for (JsonNode r : document.get("results")) {
      assertThat(r.get("sessions").asInt()).isEqualTo(3);
      assertThat(r.get("n").asInt()).isEqualTo(400);
      assertThat(r.get("ops_per_s").isNumber()).isTrue();
      assertThat(r.get("ops_per_s").asDouble()).isPositive();
    }
  }

  @Test
  void lookupsCarryOrderedPercentiles() {
    JsonNode lookups = document.get("results").get(2);
    assertThat(lookups.get("p50_us").asDouble()).isPositive();
    assertThat(lookups.get("p99_us").asDouble())
        .isGreaterThanOrEqualTo(lookups.get("p50_us").asDouble());
  }

  @Test
  void thePasswordIsNeverPrintedButTheMaskedUrlIs() {
    assertThat(printed).doesNotContain(PASSWORD).contains("password=***");
  }

  @Test
  void theBenchSchemaIsDroppedAfterTheRun() throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata "
            + "WHERE schema_name LIKE 'jgram_bench_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void postgresWithoutAJdbcUrlIsAUsageError() {
    Output o = run("--engine", "postgres", "--peers", "10");
    assertThat(o.status).isEqualTo(2);
    assertThat(o.err).contains("--engine postgres and --jdbc-url go together");
  }

  @Test
  void anUnsetPasswordVariableIsNamedWithoutConnecting() {
    Output o = run("--engine", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
        "--db-password-env", "JGRAM_BENCH_NO_SUCH_VAR_93", "--peers", "10");
    assertThat(o.status).isEqualTo(2);
    assertThat(o.err).contains("environment variable JGRAM_BENCH_NO_SUCH_VAR_93 is not set");
  }

  private record Output(int status, String out, String err) {}

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
