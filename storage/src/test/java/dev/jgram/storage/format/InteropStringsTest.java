package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.Session;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every string written by Telethon, GramJS and mtcute decodes to the fields they read back. */
class InteropStringsTest {

  static Stream<JsonNode> artifacts() {
    return InteropFixtures.stringArtifacts().stream();
  }

  static SessionFormat formatOf(JsonNode artifact) {
    String name = artifact.path("format").asText();
    return name.equals("mtcute-v3-string") ? SessionFormat.MTCUTE_STRING
        : SessionFormat.fromCliName(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artifacts")
  void everyLibraryStringIsDetectedAsItsOwnFormat(JsonNode artifact) {
    DetectedSession detected = SessionFormats.detect(artifact.path("string").asText());

    assertThat(detected.format()).isEqualTo(formatOf(artifact));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artifacts")
  void everyLibraryStringDecodesToTheFieldsThatLibraryReadsBack(JsonNode artifact) {
    PortableSession s = SessionFormats.detect(artifact.path("string").asText()).session();
    JsonNode expected = artifact.path("expected");

    assertThat(s.authKey()).isEqualTo(InteropFixtures.k1());
    if (expected.has("main_dc")) {
      assertMtcuteFields(s, expected);
    } else {
      assertThat(s.dcId()).isEqualTo(expected.path("dc_id").asInt());
    }
    if (expected.has("server_address")) {
      assertThat(s.serverAddress()).isEqualTo(expected.path("server_address").asText());
      assertThat(s.port()).isEqualTo(expected.path("port").asInt());
    }
    if (expected.has("api_id")) {
      Session x = s.session();
      assertThat(x.apiId()).isEqualTo(expected.path("api_id").asInt());
      assertThat(x.testMode()).isEqualTo(expected.path("test_mode").asBoolean());
      assertThat(x.userId()).isEqualTo(expected.path("user_id").asLong());
      assertThat(x.isBot()).isEqualTo(expected.path("is_bot").asBoolean());
      assertThat(s.serverAddress()).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artifacts")
  void everyLibraryStringReEncodesToTheIdenticalString(JsonNode artifact) {
    String original = artifact.path("string").asText();
    DetectedSession detected = SessionFormats.detect(original);

    assertThat(SessionFormats.encode(detected.session(), detected.format())).isEqualTo(original);
  }

  private static void assertMtcuteFields(PortableSession s, JsonNode expected) {
    JsonNode main = expected.path("main_dc");
    assertThat(s.dcId()).isEqualTo(main.path("id").asInt());
    assertThat(s.serverAddress()).isEqualTo(main.path("ip_address").asText());
    assertThat(s.port()).isEqualTo(main.path("port").asInt());
    assertThat(s.session().testMode()).isEqualTo(main.path("test_mode").asBoolean());
    assertThat(s.session().userId()).isEqualTo(expected.path("self").path("user_id").asLong());
    assertThat(s.session().isBot()).isEqualTo(expected.path("self").path("is_bot").asBoolean());
    if (expected.path("media_is_main").asBoolean()) {
      assertThat(s.extra(PortableSession.EXTRA_MTCUTE_MEDIA_DC)).isEmpty();
    } else {
      JsonNode media = expected.path("media_dc");
      assertThat(s.extra(PortableSession.EXTRA_MTCUTE_MEDIA_DC)).contains("dc="
          + media.path("id").asInt() + ";flags=" + (media.path("media_only").asBoolean() ? 2 : 0)
          + ";port=" + media.path("port").asInt() + ";address="
          + media.path("ip_address").asText());
    }
  }
}
