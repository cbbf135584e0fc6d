package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversion checks once ({@link SessionFormats#check}) and then only encodes. */
class WritableSessionTest {
  private final PortableSession telethon =
      SessionFormats.detect(DetectionTableTest.TELETHON4).session();

  @Test
  void oneCheckNamesEveryMissingFieldAtOnce() {
    assertThatThrownBy(() -> SessionFormats.check(telethon, SessionFormat.PYROGRAM_FILE))
        .isInstanceOf(MissingSessionFieldsException.class)
        .extracting(e -> ((MissingSessionFieldsException) e).missing())
        .isEqualTo(List.of(SessionField.API_ID, SessionField.USER_ID, SessionField.IS_BOT));
  }

  @Test
  void theCheckAddsTheTestFlagTheAddressImplies() {
    PortableSession unstated = telethon.withSession(telethon.session().withTestMode(null));

    WritableSession checked = SessionFormats.check(unstated, SessionFormat.MTCUTE_STRING);

    assertThat(checked.session().session().testMode()).isFalse();
    assertThat(checked.session().serverAddress()).isEqualTo("149.154.167.51");
  }

  @Test
  void aCheckedSessionEncodesAsTheFormatItWasCheckedAgainst() {
    WritableSession checked = SessionFormats.check(
        telethon.withApiId(12345).withUserId(7123456789L).withIsBot(false),
        SessionFormat.PYROGRAM_STRING);

    assertThat(checked.format()).isEqualTo(SessionFormat.PYROGRAM_STRING);
    assertThat(checked.session().session().apiId()).isEqualTo(12345L);
    assertThat(SessionFormats.encode(checked)).isEqualTo(DetectionTableTest.PYROGRAM);
  }

  @Test
  void theCheckWorksOutTheTestServersTableAddressForAFormatThatCarriesOne() {
    PortableSession pyrogram = PortableSession.of(
        new Session(2, 1L, true, InteropFixtures.k1(), 0, 5L, false));

    WritableSession checked = SessionFormats.check(pyrogram, SessionFormat.TELETHON_STRING);
    String telethonString = SessionFormats.encode(checked);

    assertThat(checked.session().serverAddress()).isEqualTo("149.154.167.40");
    assertThat(checked.session().port()).isEqualTo(80);

    PortableSession back = SessionFormats.detect(telethonString).session();
    assertThat(back.serverAddress()).isEqualTo("149.154.167.40");
    assertThat(back.port()).isEqualTo(DcAddresses.TEST_PORT);
    assertThat(back.session().testMode()).isTrue();
  }

  @Test
  void aSessionCheckedForAStringFormatIsWrittenAsTextButNotStored(@TempDir Path dir)
      throws Exception {
    WritableSession checked = SessionFormats.check(telethon, SessionFormat.TELETHON_STRING);
    Path out = dir.resolve("telethon.txt");

    SessionFormats.write(checked, out);

    assertThat(Files.readString(out)).isEqualTo(DetectionTableTest.TELETHON4);
    assertThatThrownBy(() -> SessionFormats.store(checked, Storage.memory()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telethon-string").hasMessageContaining("pyrogram-file");
  }

  @Test
  void theCheckRefusesWhatAStringLayoutCannotHold() {
    Session dc2 = new Session(2, null, false, InteropFixtures.k1(), 0, null, null);
    PortableSession longHost = PortableSession.of(dc2, "a".repeat(97) + ".org", 443);
    PortableSession highPort = PortableSession.of(dc2, "149.154.167.51", 40000);
    PortableSession dc300 = PortableSession.of(dc2.withDcId(300), "149.154.167.51", 443);

    assertThatThrownBy(() -> SessionFormats.check(longHost, SessionFormat.GRAMJS_STRING))
        .hasMessage("cannot write gramjs-string: the address has 101 bytes; GramJS reads at "
            + "most 100");
    assertThatThrownBy(() -> SessionFormats.check(highPort, SessionFormat.GRAMJS_STRING))
        .hasMessage("cannot write gramjs-string: port 40000 does not fit GramJS's signed "
            + "16-bit field (at most 32767)");
    assertThatThrownBy(() -> SessionFormats.check(dc300, SessionFormat.TELETHON_STRING))
        .hasMessage("cannot write a session string: DC id 300 does not fit one byte");
    assertThat(SessionFormats.check(longHost, SessionFormat.GRAMJS_STORE).session()
        .serverAddress()).hasSize(101);
    assertThat(SessionFormats.check(highPort, SessionFormat.TELETHON_STRING).session().port())
        .isEqualTo(40000);
  }
}
