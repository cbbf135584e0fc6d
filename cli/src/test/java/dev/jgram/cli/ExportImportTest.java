package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
  @TempDir Path dir;

  @Test
  void exportPrintsTheStringPyrogramExports() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    String expected = Fixtures.pyrogramView("pyrogram-v3-user").path("export_session_string")
        .path("string").asText();

    CliRun.Result r = jgram("export", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(expected + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void exportWarnsOnStderrWhenStdoutIsATerminal() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);

    CliRun.Result r = cli().interactive(true).run("export", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.errLines()).containsExactly(ExportCommand.WARNING);
    assertThat(r.out()).hasSize(362 + System.lineSeparator().length());
  }

  @Test
  void exportOfAFileWithoutApiIdNamesTheMissingField() {
    Path file = Fixtures.copy("pyrogram-v2-v1.4.0.session", dir);

    CliRun.Result r = jgram("export", file.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(file.toString(), "api_id is unknown");
  }

  @Test
  void exportOfASessionThatNeverLoggedInSaysSo() {
    Path file = Fixtures.copy("pyrogram-v3-fresh.session", dir);

    CliRun.Result r = jgram("export", file.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(file.toString(), "unknown");
  }

  @Test
  void importWritesAFileThatReadsBackTheSameSession() throws Exception {
    JsonNode s = Fixtures.string("pyrogram:test-bot-dc1-64bit");
    Path out = dir.resolve("bot.session");

    CliRun.Result imported = jgram("import", s.path("string").asText(), "--out", out.toString());
    CliRun.Result info = jgram("info", "--json", out.toString());
    CliRun.Result exported = jgram("export", out.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("wrote " + out + ": dc 1, user ")
        .doesNotContain(s.path("string").asText());
    JsonNode json = Json.mapper().readTree(info.out());
    assertThat(json.path("format").asText()).isEqualTo("pyrogram-file");
    assertThat(json.path("schema_version").asInt()).isEqualTo(3);
    assertThat(json.path("is_bot").asBoolean()).isTrue();
    assertThat(json.path("test_mode").asBoolean()).isTrue();
    assertThat(json.path("auth_key_id").asText())
        .isEqualTo(Fixtures.keyIdOf(s.path("auth_key_hex").asText()));
    assertThat(exported.out().strip()).isEqualTo(s.path("string").asText());
  }

  @Test
  void importReadsTheStringFromStandardInput() {
    String string = Fixtures.string("pyrogram:prod-user-dc2").path("string").asText();
    Path out = dir.resolve("me.session");

    CliRun.Result r = cli().stdin(string + "\n").run("import", "-", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(jgram("export", out.toString()).out().strip()).isEqualTo(string);
  }

  @Test
  void importRefusesToOverwriteAnExistingFileWithoutForce() throws Exception {
    Path out = Fixtures.copy("pyrogram-v3-user.session", dir);
    String before = Fixtures.sha256(out);
    String string = Fixtures.string("pyrogram:prod-user-dc4-small").path("string").asText();

    CliRun.Result r = jgram("import", string, "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly(
        "jgram import: " + out + ": already exists; pass --force to replace it");
    assertThat(Fixtures.sha256(out)).isEqualTo(before);
  }

  @Test
  void importWithForceReplacesTheFileWhole() throws Exception {
    Path out = Fixtures.copy("pyrogram-v3-user.session", dir);
    JsonNode s = Fixtures.string("pyrogram:prod-user-dc4-small");

    CliRun.Result r = jgram("import", s.path("string").asText(), "--out", out.toString(), "--force");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(jgram("info", "--json", out.toString()).out());
    assertThat(json.path("dc_id").asInt()).isEqualTo(4);
    assertThat(json.path("peers").asLong()).isZero();
  }

  @Test
  void aBadStringWritesNoFile() {
    Path out = dir.resolve("never.session");

    CliRun.Result r = jgram("import", "A".repeat(300), "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("argument: session string of 300 characters decodes to 225 bytes");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path out = dir.resolve("no/such/dir/me.session");
    String string = Fixtures.string("pyrogram:prod-user-dc2").path("string").asText();

    CliRun.Result r = jgram("import", string, "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(out.toString(), "does not exist");
  }

  @Test
  void outIsRequired() {
    CliRun.Result r = jgram("import", "-");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }
}
