package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted file sessions and revoked keys through the command line: {@code info} reports the
 * encryption, {@code decrypt} writes a plain Pyrogram file with the passphrase from the
 * environment or stdin, a wrong or missing passphrase fails in one line, a revoked session's
 * {@code export} fails with the reason, and no output shows the key or the string.
 */
class EncryptionAndRevocationTest {
  private static final String PASSPHRASE = "tr0ub4dor&3";
  private static final Map<String, String> ENV =
      Map.of(SessionEncryption.PASSPHRASE_VARIABLE, PASSPHRASE);

  @TempDir
  Path dir;

  private Path encrypted;
  private byte[] key;
  private String string;

  /** A copy of the Pyrogram fixture, encrypted at rest with {@link #PASSPHRASE}. */
  private void encryptFixture() throws Exception {
    Path plain = Fixtures.copy("pyrogram-v3-user.session", dir);
    string = jgram("export", plain.toString()).out().strip();
    try (Storage s = Storage.file(plain)) {
      s.open();
      key = s.session().authKey().bytes();
    }
    try (Storage s = Storage.file(plain, StorageConfig.DEFAULTS
        .withEncryption(SessionEncryption.fromEnvironment(ENV)))) {
      s.open(); // seals the clear key
    }
    encrypted = plain;
    assertThat(SessionEncryption.describe(encrypted)).isPresent();
  }

  @Test
  void infoReportsTheEncryptionAndReadsTheFileWithThePassphraseFromTheEnvironment()
      throws Exception {
    encryptFixture();
    CliRun.Result r = cli().env(ENV).run("info", encrypted.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("encryption").contains("AES-256-GCM")
        .contains("PBKDF2WithHmacSHA256, 600000 iterations").contains(AuthKey.of(key).idHex());
    assertNoSecret(r);
    CliRun.Result json = cli().env(ENV).run("info", encrypted.toString(), "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(Json.mapper().readTree(json.out()).path("encryption").asText())
        .contains("AES-256-GCM").contains("PBKDF2WithHmacSHA256, 600000 iterations");
    assertNoSecret(json);
  }

  @Test
  void infoWithoutThePassphraseFailsInOneLineSayingTheFileIsEncrypted() throws Exception {
    encryptFixture();
    String before = sha(encrypted);
    CliRun.Result r = jgram("info", encrypted.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("encrypted").contains(SessionEncryption.PASSPHRASE_VARIABLE);
    assertThat(sha(encrypted)).isEqualTo(before);
    assertNoSecret(r);
  }

  @Test
  void decryptWritesAPlainPyrogramFileWithTheSameSessionAndPeers() throws Exception {
    encryptFixture();
    String before = sha(encrypted);
    for (boolean stdin : new boolean[] {false, true}) {
      Path out = dir.resolve("plain-" + stdin + ".session");
      CliRun.Result r = stdin
          ? cli().stdin(PASSPHRASE + "\n").run("decrypt", encrypted.toString(), "--out",
              out.toString(), "--passphrase-stdin")
          : cli().env(ENV).run("decrypt", encrypted.toString(), "--out", out.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertNoSecret(r);
      assertThat(SessionEncryption.describe(out)).isEmpty();
      assertThat(jgram("export", out.toString()).out().strip()).isEqualTo(string);
      assertThat(jgram("peers", out.toString()).out().replace(out.toString(), "F"))
          .isEqualTo(cli().env(ENV).run("peers", encrypted.toString()).out()
              .replace(encrypted.toString(), "F"));
    }
    assertThat(sha(encrypted)).as("the encrypted file is not changed").isEqualTo(before);
  }

  @Test
  void decryptWithAWrongPassphraseFailsInOneLineAndWritesNothing() throws Exception {
    encryptFixture();
    Path out = dir.resolve("plain.session");
    CliRun.Result r = cli().env(Map.of(SessionEncryption.PASSPHRASE_VARIABLE, "wrong"))
        .run("decrypt", encrypted.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("wrong passphrase").doesNotContain("wrong\n" + "x");
    assertThat(out).doesNotExist();
    CliRun.Result none = jgram("decrypt", encrypted.toString(), "--out", out.toString());
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("encrypted");
    assertThat(out).doesNotExist();
  }

  @Test
  void exportOfARevokedSessionFailsWithTheReasonAndKeepsTheFile() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    try (Storage s = Storage.file(file)) {
      s.open();
      s.revokeKey("AUTH_KEY_UNREGISTERED");
    }
    CliRun.Result r = jgram("export", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("revoked").contains("AUTH_KEY_UNREGISTERED")
        .contains(file.toString());
    assertThat(file).exists();
    assertThat(jgram("info", file.toString()).exitCode()).isZero();
  }

  private void assertNoSecret(CliRun.Result r) {
    String all = r.out() + r.err();
    List<String> forms = new ArrayList<>();
    for (int from = 0; from + 12 <= key.length; from += 6) {
      byte[] w = java.util.Arrays.copyOfRange(key, from, from + 12);
      forms.add(HexFormat.of().formatHex(w));
      forms.add(HexFormat.of().formatHex(w).toUpperCase(Locale.ROOT));
      forms.add(Base64.getEncoder().encodeToString(w));
      forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(w));
    }
    for (int from = 0; from + 16 <= string.length(); from += 8) {
      forms.add(string.substring(from, from + 16));
    }
    forms.add(PASSPHRASE);
    for (String f : forms) {
      assertThat(all).as("output leaks " + f).doesNotContain(f);
    }
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(file)));
  }
}
