package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  @TempDir Path dir;

  static final List<String> INFO_KEYS = List.of("format", "schema_version", "dc_id", "api_id",
      "test_mode", "user_id", "is_bot", "date", "auth_key_id", "other_dcs", "peers", "encryption",
      "update_state",
      "server_address", "port");

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void infoOfAPyrogramFileShowsWhatPyrogramReadsAndTheKeyIdButNeverTheKey() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    JsonNode view = Fixtures.pyrogramView("pyrogram-v3-user");
    String keyHex = view.path("session").path("auth_key").path("hex").asText();

    CliRun.Result r = jgram("info", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("format        pyrogram-file (schema version 3)")
        .contains("dc_id         2")
        .contains("api_id        12345")
        .contains("test_mode     false")
        .contains("user_id       987654321")
        .contains("is_bot        false")
        .contains("date          1699999000 (2023-11-14T21:56:40Z)")
        .contains("auth_key_id   " + Fixtures.keyIdOf(keyHex))
        .contains("peers         8")
        .doesNotContain(keyHex)
        .doesNotContain(view.path("export_session_string").path("string").asText());
  }

  @Test
  void infoJsonHasExactlyTheIssuesKeysWithTheFileValues() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    String keyHex = Fixtures.pyrogramView("pyrogram-v3-user").path("session").path("auth_key")
        .path("hex").asText();

    CliRun.Result r = jgram("info", file.toString(), "--json");

    assertThat(r.exitCode()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(keys(json)).containsExactlyElementsOf(INFO_KEYS);
    assertThat(json.path("format").asText()).isEqualTo("pyrogram-file");
    assertThat(json.path("schema_version").asInt()).isEqualTo(3);
    assertThat(json.path("dc_id").asInt()).isEqualTo(2);
    assertThat(json.path("api_id").asInt()).isEqualTo(12345);
    assertThat(json.path("test_mode").isBoolean()).isTrue();
    assertThat(json.path("test_mode").asBoolean()).isFalse();
    assertThat(json.path("user_id").asLong()).isEqualTo(987654321L);
    assertThat(json.path("is_bot").asBoolean()).isFalse();
    assertThat(json.path("date").asLong()).isEqualTo(1699999000L);
    assertThat(json.path("auth_key_id").asText()).isEqualTo(Fixtures.keyIdOf(keyHex));
    assertThat(json.path("peers").asLong()).isEqualTo(8);
    assertThat(json.path("encryption").asText()).isEqualTo("none");
    assertThat(r.out()).doesNotContain(keyHex);
  }

  @Test
  void unknownFieldsOfAFreshFileAreJsonNulls() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-fresh.session", dir);

    CliRun.Result r = jgram("info", "--json", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(keys(json)).containsExactlyElementsOf(INFO_KEYS);
    for (String k : List.of("api_id", "test_mode", "user_id", "is_bot", "auth_key_id",
        "update_state")) {
      assertThat(json.get(k).isNull()).as(k).isTrue();
    }
    assertThat(json.path("dc_id").asInt()).isEqualTo(2);
    assertThat(json.path("date").asLong()).isZero();
    assertThat(json.path("peers").asLong()).isZero();
    assertThat(json.path("encryption").asText()).isEqualTo("none");
  }

  @Test
  void infoOfASessionStringArgumentDecodesItWithoutPrintingIt() throws Exception {
    JsonNode s = Fixtures.string("pyrogram:test-bot-dc1-64bit");
    String string = s.path("string").asText();

    CliRun.Result r = jgram("info", string, "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(keys(json)).containsExactlyElementsOf(INFO_KEYS);
    JsonNode in = s.path("fields_in");
    assertThat(json.path("format").asText()).isEqualTo("pyrogram-string");
    assertThat(json.get("schema_version").isNull()).isTrue();
    assertThat(json.path("dc_id").asInt()).isEqualTo(in.path("dc_id").asInt());
    assertThat(json.path("api_id").asInt()).isEqualTo(in.path("api_id").asInt());
    assertThat(json.path("test_mode").asBoolean()).isEqualTo(in.path("test_mode").asBoolean());
    assertThat(json.path("user_id").asLong()).isEqualTo(in.path("user_id").asLong());
    assertThat(json.path("is_bot").asBoolean()).isTrue();
    assertThat(json.path("auth_key_id").asText())
        .isEqualTo(Fixtures.keyIdOf(s.path("auth_key_hex").asText()));
    assertThat(json.path("peers").asLong()).isZero();
    assertThat(json.get("encryption").isNull()).isTrue(); // a string has no encryption at rest
    assertThat(r.out()).doesNotContain(string).doesNotContain(s.path("auth_key_hex").asText());
  }

  @Test
  void dashReadsTheSessionStringFromStandardInput() {
    JsonNode s = Fixtures.string("pyrogram:prod-user-dc2");

    CliRun.Result r = cli().stdin(s.path("string").asText() + "\n").run("info", "-");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("format        pyrogram-string")
        .contains("user_id       987654321")
        .contains("auth_key_id   " + Fixtures.keyIdOf(s.path("auth_key_hex").asText()));
  }

  @Test
  void aLegacyStringHasAnUnknownApiId() throws Exception {
    String string = Fixtures.string("pyrogram-v1.4.0:prod-user-dc2").path("string").asText();

    CliRun.Result r = jgram("info", "--json", string);

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("api_id").isNull()).isTrue();
    assertThat(json.path("user_id").asLong()).isEqualTo(987654321L);
  }

  @Test
  void showSecretsAddsTheKeyOnlyWhenAskedFor() throws Exception {
    JsonNode s = Fixtures.string("pyrogram:prod-user-dc2");
    String keyHex = s.path("auth_key_hex").asText();

    CliRun.Result shown = jgram("info", "--json", "--show-secrets", s.path("string").asText());
    CliRun.Result text = jgram("info", "--show-secrets", s.path("string").asText());

    assertThat(Json.mapper().readTree(shown.out()).path("auth_key").asText()).isEqualTo(keyHex);
    assertThat(text.out()).contains("auth_key      " + keyHex);
  }
}
