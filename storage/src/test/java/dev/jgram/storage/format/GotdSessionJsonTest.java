package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Session;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GotdSessionJsonTest {
  private static final String FIXTURE = "gotd-from-telethon-ipv4-prod-dc2-k1.json";

  @Test
  void gotdFixtureDecodesToDcAddressKeyAndSalt() {
    PortableSession s = GotdSessionJson.decode(InteropFixtures.text(FIXTURE));

    assertThat(s.dcId()).isEqualTo(2);
    assertThat(s.serverAddress()).isEqualTo("149.154.167.51");
    assertThat(s.port()).isEqualTo(443);
    assertThat(s.authKey()).isEqualTo(InteropFixtures.k1());
    assertThat(s.session().testMode()).isFalse();
    assertThat(s.extra(PortableSession.EXTRA_GOTD_SALT)).contains("0");
    assertThat(s.extra(PortableSession.EXTRA_GOTD_CONFIG)).isEmpty();
  }

  @Test
  void gotdFixtureIsDetectedFromTheFileAndAsPastedText() throws Exception {
    assertThat(SessionFormats.detect(InteropFixtures.text(FIXTURE)).format())
        .isEqualTo(SessionFormat.GOTD_JSON);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gotd");
    assertThat(SessionFormats.detect(InteropFixtures.copy(FIXTURE, dir)).format())
        .isEqualTo(SessionFormat.GOTD_JSON);
  }

  @Test
  void aTelethonStringConvertsToTheBytesGotdWrites() {
    String telethon = InteropFixtures.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();
    PortableSession s = SessionFormats.detect(telethon).session();

    assertThat(SessionFormats.encode(s, SessionFormat.GOTD_JSON))
        .isEqualTo(InteropFixtures.text(FIXTURE));
  }

  @Test
  void authKeyIdIsTheLastEightBytesOfTheKeysSha1() throws Exception {
    String json = SessionFormats.encode(PortableSession.of(
        new Session(2, null, false, InteropFixtures.k1(), 0, null, null)), SessionFormat.GOTD_JSON);

    String id = json.replaceAll(".*\"AuthKeyID\":\"([^\"]*)\".*", "$1");
    byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1")
        .digest(InteropFixtures.k1Bytes());
    assertThat(Base64.getDecoder().decode(id))
        .isEqualTo(java.util.Arrays.copyOfRange(sha1, 12, 20))
        .isEqualTo(HexFormat.of().parseHex("c7b1468ed72caa56"));
  }

  @Test
  void aWrongAuthKeyIdIsRefusedAsGotdRefusesIt() {
    String json = InteropFixtures.text(FIXTURE).replace("x7FGjtcsqlY=", "AAAAAAAAAAA=");

    assertThatThrownBy(() -> GotdSessionJson.decode(json))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessage("gotd-json: AuthKeyID does not match the last 8 bytes of SHA-1(AuthKey); "
            + "gotd refuses such a session as a corrupted key");
  }

  @Test
  void anotherVersionIsRefusedWithGotdsOwnReading() {
    String json = InteropFixtures.text(FIXTURE).replace("{\"Version\":1,", "{\"Version\":2,");

    assertThatThrownBy(() -> GotdSessionJson.decode(json))
        .hasMessage("gotd-json: Version is 2; expected 1 (gotd reports any other version as "
            + "\"session not found\")");
  }

  @Test
  void aFetchedConfigAndSaltSurviveARoundTripVerbatim() {
    String json = InteropFixtures.text(FIXTURE)
        .replace("\"Date\":0", "\"Date\":1700000000")
        .replace("\"TestMode\":false,\"ThisDC\":0", "\"TestMode\":true,\"ThisDC\":2")
        .replace("\"DCOptions\":null", "\"DCOptions\":[{\"Flags\":0,\"Ipv6\":false,"
            + "\"MediaOnly\":false,\"TCPObfuscatedOnly\":false,\"CDN\":false,\"Static\":false,"
            + "\"ThisPortOnly\":false,\"ID\":2,\"IPAddress\":\"149.154.167.40\",\"Port\":443,"
            + "\"Secret\":null}]")
        .replace("149.154.167.51:443", "149.154.167.40:443")
        .replace("\"Salt\":0", "\"Salt\":-8070450532247928832");

    PortableSession s = GotdSessionJson.decode(json);

    assertThat(s.session().testMode()).isTrue();
    assertThat(s.extra(PortableSession.EXTRA_GOTD_SALT)).contains("-8070450532247928832");
    assertThat(SessionFormats.encode(s, SessionFormat.GOTD_JSON)).isEqualTo(json);
  }

  @Test
  void anIpv6AddressIsWrittenInBracketsAndReadBack() {
    PortableSession s = PortableSession.of(
        new Session(4, null, false, InteropFixtures.k1(), 0, null, null),
        "2001:67c:4e8:f004::a", 443);

    String json = SessionFormats.encode(s, SessionFormat.GOTD_JSON);

    assertThat(json).contains("\"Addr\":\"[2001:67c:4e8:f004::a]:443\"");
    assertThat(GotdSessionJson.decode(json).serverAddress()).isEqualTo("2001:67c:4e8:f004::a");
  }

  @Test
  void withoutAnAddressTheTableAddressOfTheDcIsWritten() {
    PortableSession s = PortableSession.of(
        new Session(1, 1L, true, InteropFixtures.k1(), 0, 5L, false));

    assertThat(SessionFormats.encode(s,
        SessionFormat.GOTD_JSON)).contains("\"DC\":1,\"Addr\":\"149.154.175.10:80\"");
  }

  @Test
  void errorMessagesNeverContainTheKey() {
    String json = InteropFixtures.text(FIXTURE).replace("\"DC\":2", "\"DC\":9");

    assertThatThrownBy(() -> GotdSessionJson.decode(json))
        .hasMessageNotContaining("CUpw2QZP")
        .hasMessageContaining("DC id 9 is not a Telegram data centre");
  }
}
