package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.UserSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgram login --phone}, {@code me --on-dc}, {@code info}'s other DCs and
 * {@code logout} against testdc's services: a user whose home is DC 4, with a password, logs
 * in through DC 2 with answers on standard input.
 */
class UserLoginCommandTest {
  static final String PHONE = "+15550004444";
  static final String CODE = "24680";

  @TempDir
  Path dir;
  LoopbackServices cluster;
  List<String> net;
  Path session;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2, 4, 5);
    cluster.services.fixedLoginCode(CODE);
    net = options(cluster, dir.resolve("key.pem"));
    session = dir.resolve("user.session");
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  /** The command-line options that reach the cluster's DCs and trust their key. */
  static List<String> options(LoopbackServices cluster, Path keyFile) throws IOException {
    Files.writeString(keyFile, LoopbackDc.KEY.publicKey().toPem());
    List<String> out = new ArrayList<>(List.of("--server-key", keyFile.toString()));
    cluster.dcs.values().forEach(d -> out.addAll(List.of("--dc", d.id + "=127.0.0.1:"
        + d.address().port())));
    return out;
  }

  CliRun.Result run(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(net);
    return CliRun.cli().stdin(stdin).run(all.toArray(String[]::new));
  }

  CliRun.Result login(String stdin, String... extra) {
    List<String> args = new ArrayList<>(List.of("login", session.toString(), "--phone", PHONE,
        "--api-id", "611335", "--api-hash", "d524b414d21f4d37f08684c1df41ac9c", "--code-stdin",
        "--json"));
    args.addAll(List.of(extra));
    return run(stdin, args.toArray(String[]::new));
  }

  static JsonNode json(CliRun.Result r) throws Exception {
    return Json.mapper().readTree(r.out());
  }

  @Test
  void aWrongCodeAndAWrongPasswordAreNamedAndTheNextLinesLogInOnTheHomeDc() throws Exception {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4)
        .withPassword("пароль 2FA").withNames("Vera", null));
    CliRun.Result r = login("11111\n" + CODE + "\nwrong\nпароль 2FA\n");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("{\"id\":" + id + ",\"is_bot\":false,\"username\":"
        + "null,\"first_name\":\"Vera\",\"dc_id\":4,\"key_exchanges\":2}");
    assertThat(r.err()).contains("PHONE_CODE_INVALID").contains("PASSWORD_HASH_INVALID")
        .doesNotContain("пароль").doesNotContain("wrong");

    JsonNode info = json(CliRun.cli().run("info", session.toString(), "--json"));
    assertThat(info.path("dc_id").asInt()).isEqualTo(4);
    assertThat(info.path("user_id").asLong()).isEqualTo(id);
    assertThat(info.path("other_dcs").toString()).matches(
        "\\[\\{\"dc_id\":2,\"auth_key_id\":\"[0-9a-f]{16}\",\"authorized\":false}]");
  }

  @Test
  void meOnAnotherDcExportsOnceAndTheSecondRunMakesNoKeyExchange() throws Exception {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4));
    assertThat(login(CODE + "\n").exitCode()).isZero();

    CliRun.Result first = run("", "me", session.toString(), "--on-dc", "5", "--json");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(json(first).path("dc_id").asInt()).isEqualTo(5);
    assertThat(json(first).path("id").asLong()).isEqualTo(id);
    assertThat(json(first).path("key_exchanges").asInt()).isEqualTo(1);
    CliRun.Result second = run("", "me", session.toString(), "--on-dc", "5", "--json");
    assertThat(json(second).path("key_exchanges").asInt()).isZero();
    assertThat(json(second).path("dc_id").asInt()).isEqualTo(5);
    assertThat(cluster.count("auth.exportAuthorization")).isEqualTo(1);

    JsonNode others = json(CliRun.cli().run("info", session.toString(), "--json"))
        .path("other_dcs");
    assertThat(others).hasSize(2);
    assertThat(others.get(1).path("dc_id").asInt()).isEqualTo(5);
    assertThat(others.get(1).path("authorized").asBoolean()).isTrue();
    assertThat(CliRun.cli().run("info", session.toString()).out())
        .contains("DC 5 key " + others.get(1).path("auth_key_id").asText() + " (authorized)");
  }

  @Test
  void inputThatEndsExitsOneNamingTheAwaitedCode() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    CliRun.Result r = login("00000\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("PHONE_CODE_INVALID")
        .contains("standard input ended while waiting for the login code sent to " + PHONE
            + " (try 2 of 5)");
  }

  @Test
  void fiveRefusedCodesExitOne() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    CliRun.Result r = login("00000\n00001\n00002\n00003\n00004\n" + CODE + "\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no login code was accepted in 5 tries");
  }

  @Test
  void aNumberWithoutAccountNeedsAFirstNameAndSignsUpWithOne() throws Exception {
    CliRun.Result refused = login(CODE + "\n");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("signing up needs --first-name");

    session = dir.resolve("new.session");
    CliRun.Result r = login(CODE + "\n", "--first-name", "Neu", "--last-name", "Person");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(r).path("first_name").asText()).isEqualTo("Neu");
    assertThat(cluster.services.userIdOfPhone(PHONE)).hasValue(json(r).path("id").asLong());
  }

  @Test
  void logoutRemovesTheSessionFileAndSaysSo() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    assertThat(login(CODE + "\n").exitCode()).isZero();
    CliRun.Result r = run("", "logout", session.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("logged out and removed " + session);
    assertThat(session).doesNotExist();
    assertThat(cluster.count("auth.logOut")).isEqualTo(1);
  }

  @Test
  void aSessionWithNoOtherDcsListsNone() throws Exception {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    assertThat(login(CODE + "\n").exitCode()).isZero();
    assertThat(json(CliRun.cli().run("info", session.toString(), "--json")).path("other_dcs")
        .toString()).isEqualTo("[]");
  }
}
