package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client takes every session string format jgram reads, with the strings Telethon 1.37,
 * GramJS 2.26 and mtcute 0.29 wrote themselves (fixtures/interop) and gotd's JSON.
 */
class ClientSessionFormatsTest {
  private static final String DIR = "/fixtures/interop/";
  private static final JsonNode FIXTURES = json(text("fixtures.json"));
  private static final AuthKey K1 = AuthKey.of(HexFormat.of().parseHex(
      FIXTURES.path("keys").path("list").get(0).path("hex").asText()));
  private static final String GOTD = text("gotd-from-telethon-ipv4-prod-dc2-k1.json");

  @TempDir
  Path workdir;

  /** Every string written by another library, with the DC it names. */
  static Stream<JsonNode> libraryStrings() {
    List<JsonNode> out = new ArrayList<>();
    FIXTURES.path("artifacts").forEach(a -> {
      if (a.path("kind").asText().equals("string")
          && !a.path("format").asText().equals("pyrogram-string")) {
        out.add(a);
      }
    });
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraryStrings")
  void anotherLibrarysStringAsTheNameGivesItsDcAndKey(JsonNode artifact) {
    try (Client app = new Client(artifact.path("string").asText())) {
      Session s = app.storage().session();
      assertThat(s.dcId()).isEqualTo(dcOf(artifact));
      assertThat(s.authKey()).isEqualTo(K1);
      assertThat(s.apiId()).isNull();
      assertThat(s.date()).isZero();
      assertThat(app.name()).isEqualTo(":memory:");
      assertThat(app.storage().name()).isEqualTo(":memory:");
    }
  }

  @Test
  void aTelethonIpv4StringCarriesDcAndKeyOnly() {
    try (Client app = new Client(string("telethon-ipv4-prod-dc2-k1"))) {
      assertThat(app.storage().session())
          .isEqualTo(new Session(2, null, false, K1, 0, null, null));
      assertThat(app.storage().peerCount()).isZero();
      assertThat(app.storage().updateState()).isEmpty();
    }
  }

  @Test
  void aTelethonIpv6StringGivesDc4() {
    try (Client app = Client.builder("acct").sessionString(string("telethon-ipv6-prod-dc4-k1"))
        .build()) {
      assertThat(app.name()).isEqualTo("acct");
      assertThat(app.storage().session())
          .isEqualTo(new Session(4, null, false, K1, 0, null, null));
    }
  }

  @Test
  void aGramJsStringGivesItsDcAndKey() {
    try (Client app = new Client(string("gramjs-ipv4-prod-dc5-k1"))) {
      assertThat(app.storage().session().dcId()).isEqualTo(5);
      assertThat(app.storage().session().authKey()).isEqualTo(K1);
      assertThat(app.storage().session().userId()).isNull();
    }
  }

  @Test
  void anMtcuteStringGivesDcKeyUserAndBotFlag() {
    try (Client user = new Client(string("mtcute-user-prod-dc2-k1"));
        Client bot = new Client(string("mtcute-bot-test-dc1-k1"))) {
      assertThat(user.storage().session())
          .isEqualTo(new Session(2, null, false, K1, 0, 7123456789L, false));
      assertThat(bot.storage().session())
          .isEqualTo(new Session(1, null, true, K1, 0, 6000000001L, true));
    }
  }

  @Test
  void gotdJsonAsTheNameOrSessionStringGivesDcAndKey() {
    String pretty = GOTD.replace("{", "{\n  ").replace(",", ",\n  ");
    for (Client app : List.of(new Client(GOTD), new Client("  " + pretty + "\n"),
        Client.builder("bot").sessionString(GOTD).build())) {
      try (app) {
        assertThat(app.storage().session())
            .isEqualTo(new Session(2, null, false, K1, 0, null, null));
      }
    }
  }

  @Test
  void aNameStartingWithABraceThatIsNotGotdJsonIsAFile() {
    try (Client app = Client.builder("{draft}").workdir(workdir).build()) {
      assertThat(app.storage().name()).contains("{draft}.session");
      assertThat(app.storage().session()).isEqualTo(Session.EMPTY);
    }
    assertThat(workdir.resolve("{draft}.session")).isRegularFile();
  }

  @Test
  void theBuildersApiIdFillsAForeignSessionAndNothingElse() {
    try (Client app = Client.builder("x").sessionString(string("telethon-ipv4-prod-dc2-k1"))
        .apiId(12345).build()) {
      assertThat(app.storage().session())
          .isEqualTo(new Session(2, 12345L, false, K1, 0, null, null));
    }
  }

  @Test
  void exportingATelethonGramJsOrGotdSessionNamesApiIdAndUserId() {
    for (String s : List.of(string("telethon-ipv4-prod-dc2-k1"), string("gramjs-ipv4-prod-dc2-k1"),
        GOTD)) {
      try (Client app = new Client(s)) {
        assertThatThrownBy(app::exportSessionString)
            .isInstanceOf(StorageException.class)
            .hasMessageStartingWith("cannot export a session string: api_id and user_id are "
                + "unknown: the ")
            .hasMessageContaining("does not carry them; set api_id with "
                + "Client.builder(...).apiId(...); user_id is known only after signing in")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(s.substring(0, 30)));
      }
    }
  }

  /** jgram issue 20: api_id is Pyrogram's unsigned 32-bit number, 2^31 and above included. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {2147483648L, 4294967295L})
  void anApiIdAbove2To31FillsTheSessionAndExportsAsPyrogramWritesIt(long apiId) {
    try (Client app = Client.builder("x").sessionString(string("mtcute-user-prod-dc2-k1"))
        .apiId(apiId).build()) {
      assertThat(app.storage().session().apiId()).isEqualTo(apiId);
      String exported = app.exportSessionString();
      assertThat(java.util.Base64.getUrlDecoder().decode(exported.substring(0, 8)))
          .startsWith(2, (int) (apiId >>> 24), (int) (apiId >>> 16 & 0xff));
      try (Client again = new Client(exported)) {
        assertThat(again.storage().session().apiId()).isEqualTo(apiId);
      }
    }
  }

  /**
   * jgram issue 20: a Telethon string that lost its leading '1' (352 characters ending in '=')
   * was opened as a Pyrogram legacy string with a key it does not hold.
   */
  @Test
  void aTelethonStringThatLostItsLeadingOneIsRefusedNamingTelethon() {
    String lookAlike = string("telethon-ipv4-prod-dc2-k1").substring(1);
    assertThat(lookAlike).hasSize(352).endsWith("=");
    for (var open : List.<Runnable>of(() -> new Client(lookAlike).close(),
        () -> Client.builder("x").sessionString(lookAlike).build().close())) {
      assertThatThrownBy(open::run)
          .isInstanceOf(InvalidSessionStringException.class)
          .hasMessageContaining("its bytes are a Telethon IPv4 session (address 149.154.167.51, "
              + "port 443): a string that lost its leading version character '1' in copying")
          .hasMessageContaining("but with a '1' in front it is a valid telethon-string")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(lookAlike.substring(0, 30)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraryStrings")
  void anotherLibrarysStringMinusItsFirstCharacterIsRefused(JsonNode artifact) {
    String lookAlike = artifact.path("string").asText().substring(1);
    assertThatThrownBy(() -> new Client(lookAlike).close())
        .isInstanceOf(InvalidSessionStringException.class);
  }

  @Test
  void anApiIdLeavesOnlyTheUserIdMissingForATelethonSession() {
    try (Client app = Client.builder("x").sessionString(string("telethon-ipv6-prod-dc4-k1"))
        .apiId(12345).build()) {
      assertThatThrownBy(app::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("cannot export a session string: user_id is unknown: the "
              + "telethon-string this client was loaded from does not carry it;")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("api_id"));
    }
  }

  @Test
  void anMtcuteSessionExportsOnceTheBuilderGivesTheApiId() {
    try (Client app = new Client(string("mtcute-user-prod-dc2-k1"))) {
      assertThatThrownBy(app::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessage("cannot export a session string: api_id is unknown: the mtcute-string "
              + "this client was loaded from does not carry it; set api_id with "
              + "Client.builder(...).apiId(...)");
    }
    // mtcute's own converter wrote these Pyrogram strings from the same sessions.
    try (Client user = Client.builder("u").sessionString(string("mtcute-user-prod-dc2-k1"))
        .apiId(12345).build();
        Client bot = Client.builder("b").sessionString(string("mtcute-bot-test-dc1-k1"))
            .apiId(611335).build()) {
      assertThat(user.exportSessionString())
          .isEqualTo(string("pyrogram-from-mtcute-user-prod-dc2-k1"));
      assertThat(bot.exportSessionString())
          .isEqualTo(string("pyrogram-from-mtcute-bot-test-dc1-k1"));
    }
  }

  @Test
  void aPyrogramStringFromAnotherConverterReadsAndExportsUnchanged() {
    String pyrogram = string("pyrogram-from-mtcute-bot-test-dc1-k1");
    try (Client app = new Client(pyrogram)) {
      assertThat(app.storage().session())
          .isEqualTo(new Session(1, 611335L, true, K1, 0, 6000000001L, true));
      assertThat(app.exportSessionString()).isEqualTo(pyrogram);
    }
  }

  @Test
  void aStringNoFormatReadsFailsListingEveryFormatTriedWithoutQuotingIt() {
    String extended = malformed("telethon-extra-4chars");
    assertThatThrownBy(() -> new Client(extended))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("357 characters is none of the formats jgram reads")
        .hasMessageContaining("gramjs-string: ")
        .hasMessageContaining("telethon-string: 357 characters decode to 266 bytes")
        .hasMessageContaining("gotd-json: ")
        .hasMessageContaining("pyrogram-string and mtcute-string")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(extended.substring(1, 40)));
    String brokenGotd = GOTD.replace("\"Version\":1", "\"Version\":2");
    assertThatThrownBy(() -> Client.builder("x").sessionString(brokenGotd).build())
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("gotd-json: ")
        .hasMessageContaining("pyrogram-string, mtcute-string, telethon-string and "
            + "gramjs-string: not tried")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CUpw2QZP"));
  }

  @Test
  void aLongNameNoFormatReadsIsRefusedNotTakenForAFile() {
    assertThatThrownBy(() -> Client.builder("x".repeat(400)).workdir(workdir).build())
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("400 characters is none of the formats jgram reads")
        .hasMessageContaining("pyrogram-string: ")
        .hasMessageContaining("mtcute-string: ");
    assertThat(workdir).isEmptyDirectory();
  }

  private static int dcOf(JsonNode artifact) {
    JsonNode expected = artifact.path("expected");
    return expected.has("main_dc") ? expected.path("main_dc").path("id").asInt()
        : expected.path("dc_id").asInt();
  }

  private static String string(String id) {
    for (JsonNode a : FIXTURES.path("artifacts")) {
      if (a.path("id").asText().equals(id)) {
        return a.path("string").asText();
      }
    }
    throw new IllegalArgumentException("no artifact " + id);
  }

  private static String malformed(String id) {
    for (JsonNode m : FIXTURES.path("malformed_strings")) {
      if (m.path("id").asText().equals(id)) {
        return m.path("string").asText();
      }
    }
    throw new IllegalArgumentException("no malformed string " + id);
  }

  private static String text(String name) {
    try (InputStream in = ClientSessionFormatsTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
