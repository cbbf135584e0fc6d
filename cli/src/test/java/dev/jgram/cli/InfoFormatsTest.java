package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** info reads every format, as written by the real libraries. */
class InfoFormatsTest {
  @TempDir Path dir;

  static final List<String> KEYS = List.of("format", "schema_version", "dc_id", "api_id",
      "test_mode", "user_id", "is_bot", "date", "auth_key_id", "other_dcs", "peers", "encryption",
      "update_state",
      "server_address", "port");

  static Stream<JsonNode> strings() {
    return Interop.strings().stream();
  }

  private static JsonNode infoJson(CliRun.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return Json.mapper().readTree(r.out());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void recognisesEveryLibrarysStringAndReportsItsKeyIdAndDc(JsonNode artifact) throws Exception {
    String string = artifact.path("string").asText();
    JsonNode expected = artifact.path("expected");

    JsonNode json = infoJson(cli().stdin(string).run("info", "--json", "-"));

    assertThat(keys(json)).containsExactlyElementsOf(KEYS);
    assertThat(json.path("format").asText())
        .isEqualTo(Interop.cliFormat(artifact.path("format").asText()));
    int dc = expected.has("dc_id") ? expected.path("dc_id").asInt()
        : expected.path("main_dc").path("id").asInt();
    assertThat(json.path("dc_id").asInt()).isEqualTo(dc);
    assertThat(json.path("auth_key_id").asText())
        .isEqualTo(Fixtures.keyIdOf(Interop.keyHex(expected.path("auth_key").asText())));
    if (expected.has("server_address")) {
      assertThat(json.path("server_address").asText())
          .isEqualTo(expected.path("server_address").asText());
      assertThat(json.path("port").asInt()).isEqualTo(expected.path("port").asInt());
    }
    assertThat(json.get("schema_version").isNull()).isTrue();
  }

  @Test
  void aTelethonStringCarriesNoUserApiIdOrBotFlag() throws Exception {
    String string = Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();

    JsonNode json = infoJson(jgram("info", "--json", string));

    for (String k : List.of("api_id", "user_id", "is_bot", "update_state")) {
      assertThat(json.get(k).isNull()).as(k).isTrue();
    }
    assertThat(json.path("peers").asLong()).isZero();
  }

  @Test
  void readsATelethonFileWithItsEntitiesAndUpdateState() throws Exception {
    Path file = Interop.copy("telethon-v7-user.session", dir);
    String before = Fixtures.sha256(file);

    JsonNode json = infoJson(jgram("info", "--json", file.toString()));

    assertThat(json.path("format").asText()).isEqualTo("telethon-file");
    assertThat(json.path("schema_version").asInt()).isEqualTo(7);
    assertThat(json.path("dc_id").asInt()).isEqualTo(2);
    assertThat(json.path("server_address").asText()).isEqualTo("149.154.167.51");
    assertThat(json.path("port").asInt()).isEqualTo(443);
    assertThat(json.path("peers").asLong()).isEqualTo(6);
    assertThat(json.path("update_state").path("pts").asInt()).isEqualTo(4321);
    assertThat(json.path("update_state").path("seq").asInt()).isEqualTo(99);
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }

  @Test
  void readsAGramJsStoreFolder() throws Exception {
    Path store = Interop.gramJsStore(dir);

    JsonNode json = infoJson(jgram("info", "--json", store.toString()));

    assertThat(json.path("format").asText()).isEqualTo("gramjs-store");
    assertThat(json.path("dc_id").asInt()).isEqualTo(2);
    assertThat(json.path("server_address").asText()).isEqualTo("149.154.167.51");
    assertThat(json.path("auth_key_id").asText()).isEqualTo(Fixtures.keyIdOf(Interop.keyHex("k1")));
    assertThat(json.path("peers").asLong()).isEqualTo(6);
  }

  @Test
  void readsAGotdJsonFile() throws Exception {
    Path file = Interop.copy("gotd-from-telethon-ipv4-prod-dc2-k1.json", dir);

    JsonNode json = infoJson(jgram("info", "--json", file.toString()));

    assertThat(json.path("format").asText()).isEqualTo("gotd-json");
    assertThat(json.path("auth_key_id").asText()).isEqualTo("c7b1468ed72caa56");
    assertThat(json.path("server_address").asText()).isEqualTo("149.154.167.51");
  }

  @Test
  void aPyrogramFileCarriesNoAddress() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);

    JsonNode json = infoJson(jgram("info", "--json", file.toString()));

    assertThat(keys(json)).containsExactlyElementsOf(KEYS);
    assertThat(json.get("server_address").isNull()).isTrue();
    assertThat(json.get("port").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "just-version-1", "telethon-truncated-4chars",
      "telethon-truncated-half"})
  void malformedStringsAreRefusedWithoutEchoingThem(String id) {
    for (JsonNode m : Interop.fixtures().path("malformed_strings")) {
      if (!m.path("id").asText().equals(id)) {
        continue;
      }
      String s = m.path("string").asText();
      CliRun.Result r = cli().stdin(s).run("info", "-");
      assertThat(r.exitCode()).as(m.path("id").asText()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).startsWith("jgram info: standard input: ");
      if (s.length() > 8) {
        assertThat(r.err()).doesNotContain(s.substring(1, 9));
      }
    }
  }
}
