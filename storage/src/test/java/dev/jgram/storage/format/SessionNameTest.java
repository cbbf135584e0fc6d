package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one decision of what a session name denotes, for clients and command lines. */
class SessionNameTest {
  private static final Path WORKDIR = Path.of("sessions");
  private static final String TELETHON =
      InteropFixtures.artifact("telethon-ipv4-prod-dc2-k1").path("string").asText();

  @TempDir Path dir;

  @Test
  void aClientNameIsMemoryAStringOrAFileByPyrogramsRules() {
    assertThat(SessionName.ofClient(":memory:", WORKDIR)).isEqualTo(new SessionName.Memory());
    assertThat(SessionName.ofClient("my_account", WORKDIR))
        .isEqualTo(new SessionName.File(WORKDIR.resolve("my_account.session")));
    assertThat(SessionName.ofClient(TELETHON, WORKDIR))
        .isEqualTo(new SessionName.Text(TELETHON));
    assertThat(SessionName.ofClient("{draft}", WORKDIR))
        .isEqualTo(new SessionName.File(WORKDIR.resolve("{draft}.session")));
  }

  @Test
  void anArgumentIsAnExistingPathALongBase64RunOrJsonAndOtherwiseNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("a.session"), "x");
    assertThat(SessionName.ofArgument(file.toString())).isEqualTo(new SessionName.File(file));
    assertThat(SessionName.ofArgument(" " + TELETHON + "\n"))
        .isEqualTo(new SessionName.Text(TELETHON));
    assertThat(SessionName.ofArgument("{\"Version\":1}")).isInstanceOf(SessionName.Text.class);
    assertThat(SessionName.ofArgument(dir.resolve("missing.session").toString())).isNull();
    assertThat(SessionName.ofArgument("A".repeat(SessionName.MIN_ARGUMENT_CHARS - 1))).isNull();
    assertThat(SessionName.ofArgument("  ")).isNull();
  }

  @Test
  void aTextNeverShowsTheString() {
    assertThat(new SessionName.Text(TELETHON).toString())
        .isEqualTo("Text[" + TELETHON.length() + " characters]");
  }

  @Test
  void aPyrogramStringDetectionRefusesIsReadAsPyrogramReadsIt() {
    Session zeroKey = new Session(2, 12345L, false, AuthKey.of(new byte[AuthKey.LENGTH]), 0,
        777000L, false);
    String string = PyrogramSessionString.encode(zeroKey);
    assertThatThrownBy(() -> SessionFormats.detect(string))
        .isInstanceOf(InvalidSessionStringException.class);

    DetectedSession decoded = new SessionName.Text(string).decode();

    assertThat(decoded.format()).isEqualTo(SessionFormat.PYROGRAM_STRING);
    assertThat(decoded.session().session()).isEqualTo(zeroKey);
  }

  @Test
  void aStringNoFormatReadsIsRefusedWithTheDetectionsReasons() {
    String bad = "1" + TELETHON.substring(2);
    assertThatThrownBy(() -> SessionName.decode(bad))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("none of the formats jgram reads")
        .hasMessageNotContaining(bad);
  }
}
