package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void walksThroughTheThreeEnginesAndLeavesAReadableSessionFile() throws Exception {
    CliRun.Result r = jgram("demo", "--dir", dir.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("directory: " + dir)
        .contains("1. File storage")
        .contains("reopened it: dc 2, user 100000001")
        .contains("(the same key), 4 peers")
        .contains("resolvePeer(100000002L) -> inputPeerUser user_id:100000002")
        .contains("resolvePeer(\"@jgram_news\") -> inputPeerChannel channel_id:1500000001")
        .contains("resolvePeer(\"@alice_collectible\") -> inputPeerUser user_id:100000002")
        .contains("a second client on the same file is refused while this one runs:")
        .contains("session is in use by process " + ProcessHandle.current().pid())
        .contains("2. Memory storage")
        .contains("3. Session string")
        .contains("362 characters, starting ")
        .contains("opened a new client from the string: dc 2, user 100000001")
        .contains("resolvePeer(\"@alice\") -> Username not found: alice")
        .contains("4. Nothing on disk")
        .contains("unchanged, byte for byte")
        .contains("5. A user account on a local test cluster")
        .contains("PHONE_MIGRATE_4 moved it to DC 4")
        .contains("asked for 1 code and 1 password")
        .contains("home DC 4, 2 key exchanges")
        .contains("3 key exchanges, 1 export so far")
        .contains("0 key exchanges, 0 exports");
    JsonNode user = Json.mapper().readTree(jgram("info", "--json",
        dir.resolve("my_user.session").toString()).out());
    assertThat(user.path("dc_id").asInt()).isEqualTo(4);
    assertThat(user.path("other_dcs")).hasSize(2);
    assertThat(user.path("other_dcs").get(0).path("authorized").asBoolean()).isFalse();
    assertThat(user.path("other_dcs").get(1).path("dc_id").asInt()).isEqualTo(5);
    assertThat(user.path("other_dcs").get(1).path("authorized").asBoolean()).isTrue();
    Path file = dir.resolve("my_account.session");
    JsonNode info = Json.mapper().readTree(jgram("info", "--json", file.toString()).out());
    assertThat(info.path("user_id").asLong()).isEqualTo(100_000_001L);
    assertThat(info.path("peers").asLong()).isEqualTo(4);
    assertThat(r.out()).contains(info.path("auth_key_id").asText());
  }

  /** jgram issue 20: the closing hint must work from the directory the user is in. */
  @Test
  void theClosingHintNamesTheScriptRelativeToTheCurrentDirectory() {
    Path script = Path.of("").toAbsolutePath().resolve("jgram");
    CliRun.Result r = CliRun.cli().env(java.util.Map.of(LauncherCommand.LAUNCHER,
        script.toString())).run("demo", "--dir", dir.toString());

    Path file = dir.resolve("my_account.session");
    assertThat(r.out()).endsWith(String.join(System.lineSeparator(),
        "done. Look inside the file: ./jgram info " + file,
        "                            ./jgram peers " + file,
        "                            ./jgram check " + file, ""));
  }

  @Test
  void theHintIsTheScriptsAbsolutePathOutsideTheCurrentDirectoryQuotedForTheShell()
      throws Exception {
    Path script = Files.createFile(Files.createDirectory(dir.resolve("my tools"))
        .resolve("jgram"));
    assertThat(LauncherCommand.from(java.util.Map.of(LauncherCommand.LAUNCHER,
        script.toString()), Path.of(""))).isEqualTo("'" + script + "'");
    assertThat(LauncherCommand.from(java.util.Map.of(LauncherCommand.LAUNCHER,
        script.toString()), dir)).isEqualTo("'./my tools/jgram'");
  }

  @Test
  void theHintIsPlainJgramWhenPathFindsTheScriptFirst() throws Exception {
    Path script = Files.createFile(Files.createDirectory(dir.resolve("repo")).resolve("jgram"));
    script.toFile().setExecutable(true);
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("jgram"), script);
    Path other = Files.createDirectory(dir.resolve("other"));
    Path impostor = Files.createFile(other.resolve("jgram"));
    impostor.toFile().setExecutable(true);
    java.util.function.Function<String, String> hint = path -> LauncherCommand.from(
        java.util.Map.of(LauncherCommand.LAUNCHER, script.toString(), "PATH", path), dir);

    assertThat(hint.apply(bin + java.io.File.pathSeparator + other)).isEqualTo("jgram");
    assertThat(hint.apply(other + java.io.File.pathSeparator + bin)).isEqualTo("./repo/jgram");
  }

  @Test
  void neverPrintsTheKeyOrTheSessionString() {
    CliRun.Result r = jgram("demo", "--dir", dir.toString());
    String exported = jgram("export", dir.resolve("my_account.session").toString()).out().strip();
    String keyHex = jgram("info", "--show-secrets", dir.resolve("my_account.session").toString())
        .out().lines().filter(l -> l.startsWith("auth_key ")).findFirst().orElseThrow()
        .substring("auth_key".length()).strip();

    assertThat(exported).hasSize(362);
    assertThat(keyHex).hasSize(512);
    assertThat(r.out()).doesNotContain(exported).doesNotContain(exported.substring(0, 40))
        .doesNotContain(keyHex.substring(0, 32));
    Matcher m = Pattern.compile("starting (\\S+)…").matcher(r.out());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).hasSize(8);
    assertThat(exported).startsWith(m.group(1));
  }

  @Test
  void eachRunGeneratesANewKey() throws Exception {
    Path other = Files.createDirectory(dir.resolve("second"));
    jgram("demo", "--dir", dir.toString());
    jgram("demo", "--dir", other.toString());

    String a = Json.mapper().readTree(jgram("info", "--json",
        dir.resolve("my_account.session").toString()).out()).path("auth_key_id").asText();
    String b = Json.mapper().readTree(jgram("info", "--json",
        other.resolve("my_account.session").toString()).out()).path("auth_key_id").asText();
    assertThat(a).hasSize(16).isNotEqualTo(b);
  }

  @Test
  void refusesToTouchAnExistingSession() throws Exception {
    Path existing = Fixtures.copy("pyrogram-v3-user.session", dir);
    Files.move(existing, dir.resolve("my_account.session"));
    String before = Fixtures.sha256(dir.resolve("my_account.session"));

    CliRun.Result r = jgram("demo", "--dir", dir.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("my_account.session: already exists");
    assertThat(Fixtures.sha256(dir.resolve("my_account.session"))).isEqualTo(before);
  }

  @Test
  void createsTheDirectoryWhenMissing() {
    Path nested = dir.resolve("a/b");

    CliRun.Result r = jgram("demo", "--dir", nested.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.isRegularFile(nested.resolve("my_account.session"))).isTrue();
  }
}
