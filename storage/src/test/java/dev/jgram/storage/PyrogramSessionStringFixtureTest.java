package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.SessionStringFixtures.PyrogramCase;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string of {@code session-strings.json}, exported by Pyrogram 0.15, 1.4 and 2.0.106 or
 * crafted as an edge case, against what Pyrogram 2.x itself read from it.
 */
class PyrogramSessionStringFixtureTest {
  /**
   * Strings Pyrogram 2.x rejects and jgram deliberately reads: whitespace around a string
   * (Pyrogram 0.15-1.4 stripped it too before counting). It has its own test. A legacy
   * 351-character string that kept its {@code =} is not among them: Pyrogram chooses the layout
   * by the length as given and so does jgram (that length is also a Telethon string's without
   * its leading '1').
   */
  private static final Set<String> MORE_FORGIVING =
      Set.of("edge:trailing-newline", "edge:surrounding-space");

  static Stream<PyrogramCase> accepted() {
    return SessionStringFixtures.pyrogramCases().stream().filter(PyrogramCase::accepted);
  }

  static Stream<PyrogramCase> rejected() {
    return SessionStringFixtures.pyrogramCases().stream()
        .filter(c -> !c.accepted() && !MORE_FORGIVING.contains(c.name()));
  }

  static Stream<PyrogramCase> reExported() {
    return accepted().filter(c -> c.pyrogram().path("re_export").has("string"));
  }

  static Stream<PyrogramCase> notReExportable() {
    return accepted().filter(c -> c.pyrogram().path("re_export").has("error"));
  }

  @Test
  void theFixturesCoverEveryLayoutAndEveryKindOfRejection() {
    assertThat(accepted().map(c -> c.string().length()))
        .contains(0, 351, 356, 362, 364);
    assertThat(rejected().map(PyrogramCase::name))
        .contains("edge:truncated", "edge:user_id=2^63");
    assertThat(SessionStringFixtures.pyrogramCases().stream().map(PyrogramCase::name))
        .containsAll(MORE_FORGIVING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void everyStringPyrogramReadsOpensAsTheSessionPyrogramReads(PyrogramCase c) {
    try (Storage storage = Storage.fromSessionString(c.string())) {
      storage.open();
      assertThat(storage.session()).isEqualTo(expectedSession(c.pyrogram().get("session")));
      assertThat(storage.peerCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void everyNonEmptyStringPyrogramReadsDecodesToThoseFields(PyrogramCase c) {
    if (c.string().isEmpty()) {
      assertThatThrownBy(() -> PyrogramSessionString.decode(c.string()))
          .isInstanceOf(InvalidSessionStringException.class)
          .hasMessage("session string is empty");
      return;
    }
    assertThat(PyrogramSessionString.decode(c.string()))
        .isEqualTo(expectedSession(c.pyrogram().get("session")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reExported")
  void everyReExportMatchesPyrogramsByteForByte(PyrogramCase c) {
    String expected = c.pyrogram().get("re_export").get("string").asText();
    assertThat(PyrogramSessionString.encode(PyrogramSessionString.decode(c.string())))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notReExportable")
  void whatPyrogramCannotReExportFailsNamingTheMissingApiId(PyrogramCase c) {
    try (Storage storage = Storage.fromSessionString(c.string())) {
      storage.open();
      assertThatThrownBy(storage::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("cannot export a session string: api_id is unknown");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void everyStringPyrogramRejectsIsRejectedWithATypedError(PyrogramCase c) {
    assertThatThrownBy(() -> PyrogramSessionString.decode(c.string()))
        .isInstanceOf(InvalidSessionStringException.class);
    assertThatThrownBy(() -> Storage.fromSessionString(c.string()))
        .isInstanceOf(InvalidSessionStringException.class);
  }

  @Test
  void surroundingWhitespaceIsIgnoredThoughPyrogram2RejectsIt() {
    Session plain = PyrogramSessionString.decode(fixture("pyrogram:prod-user-dc2").string());
    for (String name : List.of("edge:trailing-newline", "edge:surrounding-space")) {
      PyrogramCase c = fixture(name);
      assertThat(c.pyrogram().path("open").path("message").asText()).isEqualTo("Incorrect padding");
      assertThat(PyrogramSessionString.decode(c.string())).as(name).isEqualTo(plain);
    }
  }

  @Test
  void aLegacyStringThatKeptItsPaddingIsRefusedAsPyrogram2RefusesIt() {
    PyrogramCase padded = fixture("edge:old-with-padding");
    assertThat(padded.string()).hasSize(352).endsWith("=");
    assertThat(padded.pyrogram().path("open").path("message").asText())
        .isEqualTo("unpack requires a buffer of 271 bytes");
    assertThat(rejected().map(PyrogramCase::name)).contains("edge:old-with-padding");
    assertThatThrownBy(() -> PyrogramSessionString.decode(padded.string()))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessage("session string of 352 characters decodes to 263 bytes; expected 271 bytes "
            + "(362 characters, Pyrogram 2.x) or 263/267 bytes (351/356 characters, Pyrogram "
            + "0.15-1.4); Pyrogram chooses the layout by the length as given, padding counted, so "
            + "352 characters must be 271 bytes; 352 characters ending in '=' is the length of a "
            + "Telethon IPv4 string that lost its leading version character '1' (Telethon writes "
            + "'1' + 352 characters) and of a Pyrogram 0.15-1.4 string that kept its '=' "
            + "(Pyrogram refuses both with 'unpack requires a buffer of 271 bytes'): restore the "
            + "'1' of a Telethon string, or remove the '=' of a Pyrogram one");
    String withoutPadding = padded.string().substring(0, 351);
    assertThat(PyrogramSessionString.decode(withoutPadding))
        .isEqualTo(expectedSession(fixture("pyrogram-v1.4.0:prod-user-dc2").pyrogram()
            .get("session")));
  }

  @Test
  void aUserIdOf2To63IsRejectedNamingUserId() {
    assertThatThrownBy(() -> PyrogramSessionString.decode(fixture("edge:user_id=2^63").string()))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("user_id 9223372036854775808")
        .hasMessageContaining("expected at most 9223372036854775807");
  }

  @Test
  void theLargestApiIdReadsAsItsUnsignedValueAndReExportsUnchanged() {
    PyrogramCase c = fixture("pyrogram:prod-user-dc5-uid-2^31-1");
    Session session = PyrogramSessionString.decode(c.string());
    assertThat(session.apiId()).isEqualTo(4294967295L);
    assertThat(PyrogramSessionString.encode(session)).isEqualTo(c.string());
  }

  @Test
  void aNonCanonicalBoolReadsAsTrueAndReExportsAsOne() {
    PyrogramCase c = fixture("edge:is_bot=0x02");
    assertThat(PyrogramSessionString.decode(c.string()).isBot()).isTrue();
    assertThat(PyrogramSessionString.encode(PyrogramSessionString.decode(c.string())))
        .isEqualTo(c.pyrogram().get("re_export").get("string").asText());
  }

  private static PyrogramCase fixture(String name) {
    return SessionStringFixtures.pyrogramCases().stream()
        .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** The session Pyrogram read, as jgram represents it. */
  static Session expectedSession(JsonNode s) {
    JsonNode key = s.path("auth_key");
    return new Session(
        s.get("dc_id").asInt(),
        s.get("api_id").isNull() ? null : (Long) s.get("api_id").asLong(),
        s.get("test_mode").isNull() ? null : s.get("test_mode").asInt() != 0,
        key.isMissingNode() || key.isNull() ? null
            : AuthKey.of(HexFormat.of().parseHex(key.get("hex").asText())),
        s.get("date").asLong(),
        s.get("user_id").isNull() ? null : s.get("user_id").asLong(),
        s.get("is_bot").isNull() ? null : s.get("is_bot").asInt() != 0);
  }
}
