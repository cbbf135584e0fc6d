package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes: {@code jgram testdc --state-dir D} runs in one child JVM, a client logs in
 * from another and is killed with SIGKILL while online; {@code jgram me} in a third JVM then
 * reconnects with the stored key, and again after the cluster itself restarted from D. The
 * cluster's event file must hold exactly one key exchange and one login throughout.
 */
class CrossProcessReconnectTest {
  private static final String TOKEN = "123456:AAH-crossprocess";
  private static final String MAIN = "dev.jgram.cli.Main";
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration RUN = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  @Test
  void aClientKilledWithSigkillAfterLoginReconnectsFromItsFileWithNoKeyExchangeOrLogin()
      throws Exception {
    Path events = dir.resolve("events.jsonl");
    Path session = dir.resolve("bot.session");
    int port;
    try (Child cluster = startCluster(events)) {
      port = dc2Port(cluster);
      try (Child client = Child.start(dir, "client", OnlineChild.class.getName(), List.of(
          dir.toString(), "bot", TOKEN, "12345", dir.resolve("key.pem").toString(), "2",
          "127.0.0.1", Integer.toString(port)))) {
        assertThat(client.nextLine(START)).isEqualTo("online id=123456 key_exchanges=1");
        assertThat(client.kill(RUN)).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
      }
      JsonNode me = me(session, port);
      assertThat(me.get("key_exchanges").asInt()).isZero();
      assertThat(me.get("id").asLong()).isEqualTo(123456L);
      assertThat(me.get("is_bot").asBoolean()).isTrue();
      assertOneKeyExchangeAndOneLoginOnTheKeyUsedLast(events);
      cluster.closeStdin();
      assertThat(cluster.exit(RUN)).isZero();
    }
    try (Child cluster = startCluster(events)) {
      int restarted = dc2Port(cluster);
      JsonNode me = me(session, restarted);
      assertThat(me.get("key_exchanges").asInt()).isZero();
      assertOneKeyExchangeAndOneLoginOnTheKeyUsedLast(events);
      cluster.closeStdin();
      assertThat(cluster.exit(RUN)).isZero();
    }
  }

  private Child startCluster(Path events) throws Exception {
    return Child.start(dir, "testdc", MAIN, List.of("testdc", "--json", "--port", "0",
        "--dcs", "1,2", "--state-dir", dir.resolve("state").toString(), "--bot", TOKEN + "@2",
        "--events", events.toString(), "--stdin-close-stops"));
  }

  /** Reads the cluster's JSON line, writes its key to key.pem, answers DC 2's port. */
  private int dc2Port(Child cluster) throws Exception {
    JsonNode line = Json.mapper().readTree(cluster.nextLine(START));
    Files.writeString(dir.resolve("key.pem"), line.get("rsa_public_key_pem").asText());
    for (JsonNode dc : line.get("dcs")) {
      if (dc.get("id").asInt() == 2) {
        return dc.get("port").asInt();
      }
    }
    throw new AssertionError("no DC 2 in " + line);
  }

  /** {@code jgram me SESSION --json} in a child JVM. */
  private JsonNode me(Path session, int port) throws Exception {
    List<String> args = new ArrayList<>(List.of("me", session.toString(), "--api-id", "12345",
        "--server-key", dir.resolve("key.pem").toString(), "--dc", "2=127.0.0.1:" + port,
        "--json"));
    try (Child me = Child.start(dir, "me", MAIN, args)) {
      String line = me.nextLine(START);
      assertThat(me.exit(RUN)).as(me.stderrText()).isZero();
      return Json.mapper().readTree(line);
    }
  }

  /** One key_exchange and one login in the whole log, and the last RPC used that key. */
  private static void assertOneKeyExchangeAndOneLoginOnTheKeyUsedLast(Path events)
      throws Exception {
    List<JsonNode> exchanges = new ArrayList<>();
    List<JsonNode> logins = new ArrayList<>();
    JsonNode lastRpc = null;
    for (String l : Files.readAllLines(events)) {
      JsonNode e = Json.mapper().readTree(l);
      switch (e.get("ev").asText()) {
        case "key_exchange" -> exchanges.add(e);
        case "login" -> logins.add(e);
        case "rpc" -> lastRpc = e;
        default -> { }
      }
    }
    assertThat(exchanges).hasSize(1);
    assertThat(logins).hasSize(1);
    String key = exchanges.get(0).get("auth_key_id").asText();
    assertThat(logins.get(0).get("auth_key_id").asText()).isEqualTo(key);
    assertThat(lastRpc).isNotNull();
    assertThat(lastRpc.get("auth_key_id").asText()).isEqualTo(key);
    assertThat(lastRpc.get("method").asText()).contains("users.getUsers");
  }
}
