package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command but {@code export}, {@code convert} to a string, and {@code --show-secrets} prints
 * the auth key or the session string, in hex or base64, whole or in part, on stdout or stderr.
 */
class SecretsTest {
  @TempDir Path dir;

  /** Fragments of the key and the string that must never appear: 12-byte windows in every form. */
  private static List<String> fragments(byte[] key, String sessionString) {
    List<String> out = new ArrayList<>();
    for (int from = 0; from + 12 <= key.length; from += 12) {
      byte[] window = java.util.Arrays.copyOfRange(key, from, from + 12);
      out.add(HexFormat.of().formatHex(window));
      out.add(HexFormat.of().formatHex(window).toUpperCase(Locale.ROOT));
      out.add(Base64.getEncoder().encodeToString(window));
      out.add(Base64.getUrlEncoder().encodeToString(window));
    }
    for (int from = 8; from + 24 <= sessionString.length(); from += 24) {
      out.add(sessionString.substring(from, from + 24));
    }
    return out;
  }

  private static void assertNoSecret(CliRun.Result r, List<String> secrets, String what) {
    String all = r.out() + r.err();
    for (String s : secrets) {
      assertThat(all).as(what + " leaks " + s).doesNotContain(s);
    }
  }

  @Test
  void inspectionConversionAndErrorsNeverPrintTheKeyOrTheString() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    byte[] key = HexFormat.of().parseHex(Fixtures.pyrogramView("pyrogram-v3-user")
        .path("session").path("auth_key").path("hex").asText());
    String string = jgram("export", file.toString()).out().strip();
    List<String> secrets = fragments(key, string);
    String damaged = string.substring(0, 300);
    Path copy = dir.resolve("copy.session");
    Path telethonFile = dir.resolve("t.session");

    List<String[]> commands = List.of(
        new String[] {"info", file.toString()},
        new String[] {"info", "--json", file.toString()},
        new String[] {"info", string},
        new String[] {"info", damaged},
        new String[] {"peers", file.toString()},
        new String[] {"peers", "--json", file.toString()},
        new String[] {"check", file.toString()},
        new String[] {"import", string, "--out", copy.toString()},
        new String[] {"import", damaged, "--out", dir.resolve("bad.session").toString()},
        new String[] {"convert", file.toString(), "--to", "telethon-file", "--out",
            telethonFile.toString()},
        new String[] {"convert", damaged, "--to", "telethon-string"},
        new String[] {"convert", file.toString(), "--to", "telethon-string", "--user-id", "1"},
        new String[] {"demo", "--dir", dir.resolve("demo").toString()});
    for (String[] args : commands) {
      assertNoSecret(cli().interactive(true).run(args), secrets, String.join(" ", args));
    }
    assertThat(Files.exists(copy)).isTrue();
    assertNoSecret(cli().stdin(damaged).run("info", "-"), secrets, "info - (damaged)");
  }

  @Test
  void showSecretsAndExportAreTheWaysToSeeThemAndTheScanFindsThem() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    String keyHex = Fixtures.pyrogramView("pyrogram-v3-user").path("session").path("auth_key")
        .path("hex").asText();

    String shown = jgram("info", "--show-secrets", file.toString()).out();
    String exported = jgram("export", file.toString()).out();
    List<String> secrets = fragments(HexFormat.of().parseHex(keyHex), exported.strip());

    assertThat(shown).contains(keyHex);
    assertThat(secrets).anyMatch(shown::contains);
    assertThat(secrets).anyMatch(exported::contains);
  }
}
