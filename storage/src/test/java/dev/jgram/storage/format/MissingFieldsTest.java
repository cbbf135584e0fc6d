package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Converting to a format that needs fields the source lacks asks for them by flag. */
class MissingFieldsTest {
  private final PortableSession telethon =
      SessionFormats.detect(DetectionTableTest.TELETHON4).session();

  @Test
  void aTelethonStringToPyrogramAsksForApiIdUserIdAndBot() {
    assertThatThrownBy(() -> SessionFormats.encode(telethon, SessionFormat.PYROGRAM_STRING))
        .isInstanceOf(MissingSessionFieldsException.class)
        .hasMessage("cannot write pyrogram-string: the session lacks api_id (--api-id), user_id "
            + "(--user-id), is_bot (--bot); the source format does not carry them, so supply "
            + "them instead of letting jgram write zeros")
        .extracting(e -> ((MissingSessionFieldsException) e).missing())
        .isEqualTo(List.of(SessionField.API_ID, SessionField.USER_ID, SessionField.IS_BOT));
  }

  @Test
  void suppliedFieldsMakeTheConversionWork() {
    PortableSession filled = telethon.withApiId(12345).withUserId(7123456789L).withIsBot(false);

    String pyrogram = SessionFormats.encode(filled, SessionFormat.PYROGRAM_STRING);

    assertThat(pyrogram).isEqualTo(DetectionTableTest.PYROGRAM);
  }

  @Test
  void aTelethonStringGoesToMtcuteWithoutAUserAndToGotdWithNothingMore() {
    assertThat(SessionFormats.missingFields(telethon, SessionFormat.MTCUTE_STRING)).isEmpty();
    assertThat(SessionFormats.missingFields(telethon, SessionFormat.GOTD_JSON)).isEmpty();
    assertThat(SessionFormats.missingFields(telethon, SessionFormat.GRAMJS_STORE)).isEmpty();
  }

  @Test
  void aKnownUserWithoutTheBotFlagCannotGoToMtcute() {
    PortableSession s = telethon.withUserId(5L);

    assertThatThrownBy(() -> SessionFormats.encode(s, SessionFormat.MTCUTE_STRING))
        .isInstanceOf(MissingSessionFieldsException.class)
        .hasMessageStartingWith("cannot write mtcute-string: the session lacks is_bot (--bot); "
            + "the source format does not carry it");
  }

  @Test
  void anUnknownHostOnADcThatTestAlsoHasNeedsTheTestFlag() {
    PortableSession browser = SessionFormats.detect(SessionFormats.encode(
        PortableSession.of(new Session(2, null, false, InteropFixtures.k1(), 0, null, null),
            "example.org", 443), SessionFormat.GRAMJS_STRING)).session();

    assertThat(browser.session().testMode()).isNull();
    assertThat(SessionFormats.missingFields(browser, SessionFormat.TELETHON_STRING))
        .containsExactly(SessionField.TEST_MODE);
    assertThat(SessionFormats.missingFields(browser, SessionFormat.MTCUTE_STRING))
        .containsExactly(SessionField.TEST_MODE);
    assertThat(SessionFormats.missingFields(browser, SessionFormat.GRAMJS_STRING)).isEmpty();
    assertThatThrownBy(() -> SessionFormats.encode(browser, SessionFormat.TELETHON_STRING))
        .hasMessageStartingWith("cannot write telethon-string: the session lacks test_mode "
            + "(--test)");
    assertThat(SessionFormats.encode(browser.withTestMode(false),
        SessionFormat.TELETHON_STRING)).isEqualTo(DetectionTableTest.TELETHON4);
  }

  @Test
  void aSessionWithoutKeyNamesTheKeyAndNoFlag() {
    PortableSession empty = PortableSession.of(Session.EMPTY);

    assertThatThrownBy(() -> SessionFormats.encode(empty, SessionFormat.TELETHON_STRING))
        .isInstanceOf(MissingSessionFieldsException.class)
        .hasMessageStartingWith("cannot write telethon-string: the session lacks auth_key (no "
            + "flag supplies it: the source session has none; log in again)");
    assertThat(SessionField.AUTH_KEY.flag()).isEmpty();
    assertThat(SessionField.API_ID.flag()).contains("--api-id");
  }

  @Test
  void nothingIsWrittenWhenFieldsAreMissing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path out = dir.resolve("x.txt");

    assertThatThrownBy(() -> SessionFormats.write(telethon, SessionFormat.PYROGRAM_STRING, out))
        .isInstanceOf(MissingSessionFieldsException.class);
    assertThat(out).doesNotExist();
  }
}
