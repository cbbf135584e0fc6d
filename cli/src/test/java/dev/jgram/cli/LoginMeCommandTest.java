package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.net.LoopbackBots;
import dev.jgram.net.LoopbackDc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgram login} and {@code jgram me} against loopback DCs. */
class LoginMeCommandTest {
  @TempDir
  Path dir;
  LoopbackBots server;
  Path key;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackBots(2, 1, 2);
    key = dir.resolve("key.pem");
    Files.writeString(key, LoopbackDc.KEY.publicKey().toPem());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  String[] login(Path session, String token, String... extra) {
    List<String> args = new ArrayList<>(List.of("login", session.toString(), "--bot", token,
        "--api-id", "611335", "--api-hash", "d524b414d21f4d37f08684c1df41ac9c",
        "--server-key", key.toString()));
    args.addAll(dcs());
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  List<String> dcs() {
    List<String> out = new ArrayList<>();
    server.dcs.values().forEach(d -> out.addAll(List.of("--dc", d.id + "=127.0.0.1:"
        + d.address().port())));
    return out;
  }

  static JsonNode json(CliRun.Result r) throws Exception {
    return Json.mapper().readTree(r.out());
  }

  @Test
  void loginCreatesTheFileAndPrintsTheExactJson() throws Exception {
    Path session = dir.resolve("bot.session");
    CliRun.Result r = CliRun.cli().run(login(session, LoopbackBots.TOKEN, "--json"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("{\"id\":7000001,\"is_bot\":true,\"username\":"
        + "\"loop_bot\",\"first_name\":\"Loop Bot\",\"dc_id\":2,\"key_exchanges\":1}");
    assertThat(session).exists();
  }

  @Test
  void meUsesTheStoredKeyWithNoKeyExchangeAndNoLogin() throws Exception {
    Path session = dir.resolve("bot.session");
    CliRun.cli().run(login(session, LoopbackBots.TOKEN));
    List<String> args = new ArrayList<>(List.of("me", session.toString(), "--json"));
    args.addAll(dcs());
    CliRun.Result r = CliRun.cli().run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(r).get("key_exchanges").asInt()).isZero();
    assertThat(json(r).get("id").asLong()).isEqualTo(LoopbackBots.BOT_ID);
    assertThat(server.logins).hasValue(1);
    assertThat(server.keyExchanges()).isEqualTo(1);
  }

  @Test
  void aWrongTokenIsOneLineNamingTheSessionWithExitCode1() {
    Path session = dir.resolve("bot.session");
    CliRun.Result r = CliRun.cli().run(login(session, "7000001:WRONGsecret"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(session.toString()).contains("wrong token")
        .doesNotContain("WRONGsecret");
  }

  @Test
  void anUnknownServerKeyIsReported() {
    Path session = dir.resolve("bot.session");
    List<String> args = new ArrayList<>(List.of("login", session.toString(), "--bot",
        LoopbackBots.TOKEN, "--api-id", "1", "--api-hash", "h"));
    args.addAll(dcs());
    CliRun.Result r = CliRun.cli().run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("unknown server key");
  }

  @Test
  void anUnreachableDcIsReported() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun.Result r = CliRun.cli().run("login", dir.resolve("x.session").toString(), "--bot",
        LoopbackBots.TOKEN, "--api-id", "1", "--api-hash", "h", "--dc", "2=127.0.0.1:" + port);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("unreachable DC");
  }

  @Test
  void aDeadKeyIsReported() {
    Path session = dir.resolve("bot.session");
    CliRun.cli().run(login(session, LoopbackBots.TOKEN));
    server.dc(2).keys.clear();
    List<String> args = new ArrayList<>(List.of("me", session.toString()));
    args.addAll(dcs());
    CliRun.Result r = CliRun.cli().run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("dead key").contains(session.toString());
  }

  @Test
  void loginStartsOnTheFirstDcWhenDc2IsNotGiven() throws Exception {
    server.botHome = 1;
    Path session = dir.resolve("one.session");
    CliRun.Result r = CliRun.cli().run("login", session.toString(), "--bot",
        LoopbackBots.TOKEN, "--api-id", "1", "--api-hash", "h", "--server-key", key.toString(),
        "--dc", "1=127.0.0.1:" + server.dc(1).address().port(), "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(r).get("dc_id").asInt()).isEqualTo(1);
    assertThat(server.dc(2).connections).hasValue(0);
  }

  @Test
  void missingApiIdIsAUsageError() {
    CliRun.Result r = CliRun.cli().run("login", dir.resolve("x.session").toString(), "--bot",
        LoopbackBots.TOKEN, "--api-hash", "h");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aBadDcIsAUsageError() {
    CliRun.Result r = CliRun.cli().run("login", dir.resolve("x.session").toString(), "--bot",
        LoopbackBots.TOKEN, "--api-id", "1", "--api-hash", "h", "--dc", "nonsense");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("ID=HOST:PORT");
  }

  @Test
  void aTelethonStringConvertedWithTheServerAddressReconnectsThereWithoutDcOrKey()
      throws Exception {
    Path session = dir.resolve("bot.session");
    CliRun.cli().run(login(session, LoopbackBots.TOKEN));
    CliRun.Result converted = CliRun.cli().run("convert", session.toString(), "--to",
        "telethon-string", "--server", "127.0.0.1:" + server.dc(2).address().port());
    assertThat(converted.exitCode()).as(converted.err()).isZero();
    String telethon = converted.out().strip();

    CliRun.Result noApiId = CliRun.cli().stdin(telethon).run("me", "-");
    CliRun.Result r = CliRun.cli().stdin(telethon).run("me", "-", "--api-id", "611335",
        "--json");

    assertThat(noApiId.exitCode()).isEqualTo(1);
    assertThat(noApiId.err()).contains("--api-id");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(r).get("key_exchanges").asInt()).isZero();
    assertThat(json(r).get("dc_id").asInt()).isEqualTo(2);
    assertThat(server.logins).hasValue(1);
  }

  @Test
  void convertRefusesAServerWithoutAPort() {
    CliRun.Result r = CliRun.cli().run("convert", dir.resolve("none.session").toString(),
        "--to", "telethon-string", "--server", "127.0.0.1");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
