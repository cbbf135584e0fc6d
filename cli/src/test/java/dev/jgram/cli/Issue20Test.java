package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jgram issue 20 through the command line: a Telethon string that lost its leading '1' is
 * refused naming Telethon (never shown with a key), and an api_id of 2<sup>31</sup> or more
 * (files written by Pyrogram 2.0.106's storage code) is shown and accepted as itself.
 */
class Issue20Test {
  @TempDir Path dir;

  private static final String TELETHON_MINUS_ONE =
      Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText().substring(1);
  private static final String TELETHON_NAMED = "its bytes are a Telethon IPv4 session (address "
      + "149.154.167.51, port 443): a string that lost its leading version character '1' in "
      + "copying";

  private static String ok(CliRun.Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().strip();
  }

  @Test
  void theExactStringOfTheIssueHas352CharactersEndingInPadding() {
    assertThat(TELETHON_MINUS_ONE).hasSize(352).endsWith("=");
  }

  @Test
  void infoRefusesTheTelethonStringWithoutItsOneNamingTelethonAndShowsNoKey() {
    for (CliRun.Result r : new CliRun.Result[] {jgram("info", TELETHON_MINUS_ONE),
        cli().stdin(TELETHON_MINUS_ONE + "\n").run("info", "-"),
        jgram("info", "--json", TELETHON_MINUS_ONE)}) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).contains(TELETHON_NAMED)
          .contains("session string of 352 characters is none of the "
              + "formats jgram reads, but with a '1' in front it is a valid telethon-string: its "
              + "version character '1' was lost in copying; restore it; tried pyrogram-string")
          .doesNotContain("auth_key_id").doesNotContain(TELETHON_MINUS_ONE.substring(0, 20));
    }
  }

  @Test
  void importRefusesTheTelethonStringWithoutItsOneAndWritesNothing() {
    Path out = dir.resolve("never.session");

    CliRun.Result r = jgram("import", TELETHON_MINUS_ONE, "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("jgram import: argument: session string of 352 characters "
        + "decodes to 263 bytes; expected 271 bytes").contains(TELETHON_NAMED)
        .doesNotContain(TELETHON_MINUS_ONE.substring(0, 20));
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void convertRefusesTheTelethonStringWithoutItsOne() {
    CliRun.Result r = jgram("convert", TELETHON_MINUS_ONE, "--to", "pyrogram-string");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(TELETHON_NAMED);
  }

  @ParameterizedTest
  @CsvSource({"pyrogram-v3-api-id-2p31.session, 2147483648",
      "pyrogram-v3-api-id-2p32-1.session, 4294967295"})
  void infoShowsTheApiIdPyrogramWroteInTextAndJson(String name, long apiId) throws Exception {
    Path file = Fixtures.copy(name, dir);

    String text = ok(jgram("info", file.toString()));
    String json = ok(jgram("info", "--json", file.toString()));

    assertThat(text).contains("api_id        " + apiId + "\n");
    assertThat(json).contains("\"api_id\" : " + apiId + ",");
    assertThat(Json.mapper().readTree(json).path("api_id").asLong()).isEqualTo(apiId);
  }

  @ParameterizedTest
  @CsvSource({"pyrogram-v3-api-id-2p31.session, 2147483648",
      "pyrogram-v3-api-id-2p32-1.session, 4294967295"})
  void exportGivesTheStringPyrogramExported(String name, long apiId) {
    Path file = Fixtures.copy(name, dir);
    JsonNode expected = null;
    for (JsonNode f : Fixtures.json("api-id-fixtures.json").path("files")) {
      if (f.path("file").asText().equals(name)) {
        expected = f;
      }
    }
    assertThat(expected.path("session").path("api_id").asLong()).isEqualTo(apiId);

    assertThat(ok(jgram("export", file.toString())))
        .isEqualTo(expected.path("export_session_string").asText());
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, 2147483647L, 2147483648L, 4294967295L})
  void convertAcceptsEveryUnsigned32BitApiId(long apiId) throws Exception {
    String telethon = Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();
    Path out = dir.resolve("from-telethon.session");

    ok(jgram("convert", telethon, "--to", "pyrogram-file", "--out", out.toString(),
        "--api-id", Long.toString(apiId), "--user-id", "7123456789", "--bot=false"));

    JsonNode json = Json.mapper().readTree(ok(jgram("info", "--json", out.toString())));
    assertThat(json.path("api_id").asLong()).isEqualTo(apiId);
    assertThat(json.path("api_id").isIntegralNumber()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "4294967296|4294967296 is out of range; expected an api_id from 0 to 4294967295 "
          + "(Pyrogram stores it as an unsigned 32-bit number)",
      "-1|-1 is out of range; expected an api_id from 0 to 4294967295",
      "12a|'12a' is not a number; expected an api_id from 0 to 4294967295"})
  void convertRefusesAnApiIdOutsideTheUnsigned32BitRangeAsAUsageError(String value,
      String message) {
    String telethon = Interop.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();

    CliRun.Result r = jgram("convert", telethon, "--to", "pyrogram-string", "--api-id=" + value,
        "--user-id", "1", "--bot=false");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--api-id").contains(message).doesNotContain("not an int");
  }

  @ParameterizedTest
  @CsvSource({"pyrogram-v3-api-id-2p31.session, 2147483648",
      "pyrogram-v3-api-id-2p32-1.session, 4294967295"})
  void theApiIdSurvivesPostgresAndTheStringItExports(String name, long apiId) throws Exception {
    Path file = Fixtures.copy(name, dir);
    String url = Pg.jdbcUrl();
    String session = Pg.freshName("apiid");
    Path back = dir.resolve("back.session");

    ok(jgram("convert", file.toString(), "--to", "postgres", "--jdbc-url", url, "--name",
        session));
    String exported = ok(jgram("convert", "postgres:" + session, "--jdbc-url", url, "--to",
        "pyrogram-string"));
    ok(jgram("convert", "postgres:" + session, "--jdbc-url", url, "--to", "pyrogram-file",
        "--out", back.toString()));

    assertThat(exported).isEqualTo(ok(jgram("export", file.toString())));
    assertThat(Json.mapper().readTree(ok(jgram("info", "--json", exported))).path("api_id")
        .asLong()).isEqualTo(apiId);
    assertThat(Json.mapper().readTree(ok(jgram("info", "--json", back.toString())))
        .path("api_id").asLong()).isEqualTo(apiId);
  }

  @Test
  void aContradictingApiIdIsNamedWithItsRealValue() {
    Path file = Fixtures.copy("pyrogram-v3-api-id-2p31.session", dir);

    CliRun.Result r = jgram("convert", file.toString(), "--to", "pyrogram-string",
        "--api-id", "5");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("jgram convert: --api-id 5 contradicts the input, "
        + "whose api_id is 2147483648; leave --api-id out");
  }
}
