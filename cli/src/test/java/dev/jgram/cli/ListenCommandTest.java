package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgram listen} against testdc's services on a loopback DC ({@link LoopbackServices}):
 * messages sent while the bot was stopped come from the difference, printed as the JSON
 * lines, and the kept state makes the next run print only what is new.
 */
class ListenCommandTest {
  static final String TOKEN = "5000001:AAH-listen_secret";
  static final long BOT = 5000001L;

  @TempDir
  Path dir;
  LoopbackServices cluster;
  LoopbackDc dc;
  Services services;
  long alice;
  Path key;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(null, 2);
    dc = cluster.dc(2);
    services = cluster.services;
    services.addBot(BotSpec.ofToken(TOKEN));
    alice = services.addUser(UserSpec.ofPhone("+15550001234"));
    key = dir.resolve("key.pem");
    Files.writeString(key, LoopbackDc.KEY.publicKey().toPem());
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private String[] args(String command, Path session, String... extra) {
    List<String> a = new ArrayList<>(List.of(command, session.toString(),
        "--api-id", "611335", "--server-key", key.toString(),
        "--dc", "2=127.0.0.1:" + dc.address().port()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static List<JsonNode> lines(CliRun.Result r) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : r.out().strip().split("\n")) {
      out.add(Json.mapper().readTree(line));
    }
    return out;
  }

  @Test
  void messagesSentWhileStoppedArePrintedOnceInOrderAndTheNextRunPrintsOnlyNewOnes()
      throws Exception {
    Path session = dir.resolve("bot.session");
    CliRun.Result login = CliRun.cli().run(args("login", session, "--bot", TOKEN,
        "--api-hash", "d524b414d21f4d37f08684c1df41ac9c"));
    assertThat(login.exitCode()).as(login.err()).isZero();
    for (String text : List.of("one", "two", "three")) {
      services.sendMessage(alice, BOT, text);
    }

    CliRun.Result first = CliRun.cli().run(args("listen", session, "--count", "3", "--json"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<JsonNode> printed = lines(first);
    assertThat(printed).hasSize(3);
    assertThat(printed).extracting(n -> n.get("text").asText())
        .containsExactly("one", "two", "three");
    for (JsonNode n : printed) {
      assertThat(n.get("type").asText()).isEqualTo("updateNewMessage");
      assertThat(n.get("qts").isNull()).isTrue();
      assertThat(n.get("channel_id").isNull()).isTrue();
      assertThat(n.get("from_id").asLong()).isEqualTo(alice);
    }
    assertThat(printed).extracting(n -> n.get("message_id").asInt()).isSorted()
        .doesNotHaveDuplicates();
    // From the difference, each with the pts after it: the login's state, then one per message.
    int firstPts = printed.get(0).get("pts").asInt();
    assertThat(printed).extracting(n -> n.get("pts").asInt())
        .containsExactly(firstPts, firstPts + 1, firstPts + 2);

    services.sendMessage(alice, BOT, "four");
    CliRun.Result second = CliRun.cli().run(args("listen", session, "--count", "1", "--json"));
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(lines(second)).extracting(n -> n.get("text").asText()).containsExactly("four");
  }

  @Test
  void withoutJsonEachUpdateIsOneReadableLine() throws Exception {
    Path session = dir.resolve("bot.session");
    CliRun.cli().run(args("login", session, "--bot", TOKEN,
        "--api-hash", "d524b414d21f4d37f08684c1df41ac9c"));
    services.sendMessage(alice, BOT, "hello there");
    CliRun.Result r = CliRun.cli().run(args("listen", session, "--count", "1"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).startsWith("updateNewMessage ")
        .contains("from_id=" + alice).endsWith(": hello there");
  }
}
