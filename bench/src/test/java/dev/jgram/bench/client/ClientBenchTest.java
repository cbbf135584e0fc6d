package dev.jgram.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs every client scenario once at a tiny scale against a real {@code jgram testdc} child
 * process, and checks what each one claims: the key exchanges counted by the cluster and the
 * clients, the calls answered, the fleet's threads. Not a timed test: no figure is compared
 * with a target.
 */
class ClientBenchTest {
  private static final int RUNS = 2;
  private static final int FLEET = 4;
  private static ClientReport report;
  private static String printed;

  @BeforeAll
  static void runTheScenariosOnce() throws Exception {
    ClientBench bench = new ClientBench();
    new CommandLine(bench).parseArgs("--runs", Integer.toString(RUNS), "--warm-up", "1",
        "--calls", "30", "--sequential-warm-up", "5", "--concurrent-calls", "60",
        "--in-flight", "4", "--fleet", Integer.toString(FLEET), "--heap", "256m");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report = bench.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyFirstStartMakesOneKeyExchangeSeenByTheClusterAndTheClient() {
    for (String storage : new String[] {"first start (memory)", "first start (file)"}) {
      Timings t = report.start(storage);
      assertThat(t.millis()).hasSize(RUNS).allMatch(ms -> ms > 0);
      assertThat(t.clusterKeyExchanges()).isEqualTo(RUNS);
      assertThat(t.clientKeyExchanges()).isEqualTo(RUNS);
    }
  }

  @Test
  void aReconnectFromTheStoredSessionMakesNoKeyExchange() {
    Timings reconnect = report.start("reconnect");
    assertThat(reconnect.millis()).hasSize(RUNS).allMatch(ms -> ms > 0);
    assertThat(reconnect.clusterKeyExchanges()).isZero();
    assertThat(reconnect.clientKeyExchanges()).isZero();
    assertThat(report.consistent()).isTrue();
  }

  @Test
  void theRatesCountEveryCallAnswered() {
    assertThat(report.rate("sequential").calls()).isEqualTo(30);
    assertThat(report.rate("concurrent").calls()).isEqualTo(60);
    assertThat(report.rates()).allMatch(r -> r.seconds() > 0 && r.perSecond() > 0);
  }

  @Test
  void theFleetLogsEveryBotInWithoutAThreadPerSession() {
    FleetFigures fleet = report.fleet();
    assertThat(fleet.sessions()).isEqualTo(FLEET);
    assertThat(fleet.threadsAfter()).isLessThanOrEqualTo(fleet.threadsBefore());
    assertThat(fleet.rssBefore()).isPositive();
    assertThat(fleet.rssAfter()).isPositive();
  }

  @Test
  void everyFigureIsPrintedWithTheLoadAverage() {
    assertThat(printed).contains("first start (memory)", "first start (file)",
        "reconnect (file session)", "sequential getMe", "concurrent getMe (4 in flight)",
        "fleet ", "fleet threads", "load average");
  }

  @Test
  void fleetTokensAreDistinctBotTokens() {
    assertThat(ClientBench.fleetTokens(3)).containsExactly("7000000:fleetbot0",
        "7000001:fleetbot1", "7000002:fleetbot2");
  }
}
