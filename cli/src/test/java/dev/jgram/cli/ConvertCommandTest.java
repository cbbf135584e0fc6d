package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertCommandTest {
  @TempDir Path dir;
  Path file;
  String pyrogramString;

  @BeforeEach
  void copyFixture() {
    file = Fixtures.copy("pyrogram-v3-user.session", dir);
    pyrogramString = Fixtures.pyrogramView("pyrogram-v3-user").path("export_session_string")
        .path("string").asText();
  }

  private static String ok(CliRun.Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().strip();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pyrogram-string", "telethon-string", "gramjs-string", "mtcute-string",
      "gotd-json"})
  void everyStringFormatConvertsBackToTheStringPyrogramExports(String format) {
    String converted = ok(jgram("convert", file.toString(), "--to", format));

    String back = ok(cli().stdin(converted).run("convert", "-", "--to", "pyrogram-string",
        "--api-id", "12345", "--user-id", "987654321", "--bot=false"));

    assertThat(back).isEqualTo(pyrogramString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"telethon-file", "gramjs-store", "pyrogram-file"})
  void fileFormatsKeepTheKeyAndThePeers(String format) throws Exception {
    Path out = dir.resolve("out-" + format);

    CliRun.Result r = jgram("convert", file.toString(), "--to", format, "--out", out.toString());
    Path back = dir.resolve("back.session");
    ok(jgram("convert", out.toString(), "--to", "pyrogram-file", "--out", back.toString(),
        "--api-id", "12345", "--user-id", "987654321", "--bot=false"));

    assertThat(ok(r)).isEqualTo("wrote " + out + " (" + format + ") from pyrogram-file: dc 2, "
        + "user 987654321, 8 peers");
    JsonNode json = Json.mapper().readTree(jgram("info", "--json", back.toString()).out());
    assertThat(json.path("peers").asLong()).isEqualTo(8);
    assertThat(ok(jgram("export", back.toString()))).isEqualTo(pyrogramString);
    assertThat(jgram("peers", back.toString(), "--id", "-1001234567890").out())
        .contains("newschan");
  }

  @Test
  void aTelethonFileBecomesAPyrogramFileWithItsEntitiesAndUpdateState() throws Exception {
    Path telethon = Interop.copy("telethon-v7-user.session", dir);
    String before = Fixtures.sha256(telethon);
    Path out = dir.resolve("from-telethon.session");

    ok(jgram("convert", telethon.toString(), "--to", "pyrogram-file", "--out", out.toString(),
        "--api-id", "611335", "--user-id", "7123456789", "--bot=false"));

    JsonNode json = Json.mapper().readTree(jgram("info", "--json", out.toString()).out());
    assertThat(json.path("format").asText()).isEqualTo("pyrogram-file");
    assertThat(json.path("peers").asLong()).isEqualTo(6);
    assertThat(json.path("update_state").path("pts").asInt()).isEqualTo(4321);
    assertThat(json.path("auth_key_id").asText()).isEqualTo(Fixtures.keyIdOf(Interop.keyHex("k1")));
    assertThat(Fixtures.sha256(telethon)).isEqualTo(before);
  }

  @Test
  void missingFieldsAreNamedWithTheirFlagsAndNothingIsWritten() {
    String telethon = Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();
    Path out = dir.resolve("never.session");

    CliRun.Result r = jgram("convert", telethon, "--to", "pyrogram-file", "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("api_id (--api-id)", "user_id (--user-id)", "is_bot (--bot)")
        .doesNotContain(telethon);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void missingFieldsAreCheckedBeforeForceRemovesAnything() throws Exception {
    String telethon = Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();
    Path out = Fixtures.copy("pyrogram-v3-fresh.session", dir);
    String before = Fixtures.sha256(out);

    CliRun.Result r = jgram("convert", telethon, "--to", "pyrogram-file", "--out", out.toString(),
        "--force", "--api-id", "1");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("user_id (--user-id)").doesNotContain("api_id (--api-id)");
    assertThat(Fixtures.sha256(out)).isEqualTo(before);
  }

  @Test
  void aFlagThatContradictsTheInputIsRefused() {
    CliRun.Result r = jgram("convert", file.toString(), "--to", "pyrogram-string",
        "--user-id", "5");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("jgram convert: --user-id 5 contradicts the input, "
        + "whose user_id is 987654321; leave --user-id out");
  }

  @Test
  void anUnknownFormatIsAUsageErrorListingTheNames() {
    CliRun.Result r = jgram("convert", file.toString(), "--to", "tdata");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("unknown session format 'tdata'", "telethon-file", "gotd-json");
  }

  @Test
  void aFileFormatWithoutOutIsAUsageError() {
    CliRun.Result r = jgram("convert", file.toString(), "--to", "telethon-file");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--out is required");
  }

  @Test
  void anExistingOutIsKeptUnlessForce() throws Exception {
    Path out = Files.writeString(dir.resolve("taken.txt"), "keep me");

    CliRun.Result refused = jgram("convert", file.toString(), "--to", "telethon-string",
        "--out", out.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains(out + ": already exists; pass --force");
    assertThat(Files.readString(out)).isEqualTo("keep me");

    ok(jgram("convert", file.toString(), "--to", "telethon-string", "--out", out.toString(),
        "--force"));
    assertThat(Files.readString(out)).startsWith("1");
  }

  @Test
  void aStringOnATerminalComesWithTheSecretWarning() {
    CliRun.Result r = cli().interactive(true).run("convert", file.toString(), "--to",
        "telethon-string");

    assertThat(r.exitCode()).isZero();
    assertThat(r.errLines()).containsExactly(ExportCommand.WARNING);
  }

  @Test
  void convertingNeverChangesTheInputFile() {
    String before = Fixtures.sha256(file);

    ok(jgram("convert", file.toString(), "--to", "gotd-json"));
    ok(jgram("convert", file.toString(), "--to", "telethon-file", "--out",
        dir.resolve("t.session").toString()));

    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }
}
