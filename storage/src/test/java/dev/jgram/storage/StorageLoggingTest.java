package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file engine tells a user through {@link System.Logger}: a migrated schema and a
 * lock taken over from a dead process, once each at INFO, naming the file; and no line at any
 * level carries the session's auth key or its session string.
 */
class StorageLoggingTest {
  @TempDir
  Path dir;

  /** The key, and the session string where the file knows enough to make one. */
  private static SecretForms secretsOf(Storage storage) {
    Session s = storage.session();
    SecretForms forms = new SecretForms().bytes("auth key", s.authKey().bytes());
    return s.apiId() == null ? forms : forms.text("session string", storage.exportSessionString());
  }

  @Test
  void migratingAPyrogramSchema2FileLogsOneInfoLineNamingTheFileAndTheVersions() {
    Path file = Fixtures.copy("pyrogram-v2-v1.4.0.session", dir);
    try (LogCapture log = LogCapture.start()) {
      SecretForms secrets;
      try (Storage storage = Storage.file(file)) {
        storage.open();
        secrets = secretsOf(storage);
      }
      try (Storage again = Storage.file(file)) {
        again.open();
      }
      List<String> info = log.lines(Level.INFO);
      assertThat(info).containsExactly(file + ": migrated the session schema from version 2 to 3"
          + " (the original is kept as " + file.getFileName() + ".v2.bak)");
      assertThat(Files.exists(dir.resolve(file.getFileName() + ".v2.bak"))).isTrue();
      assertThat(log.lines(Level.FINE)).isNotEmpty();
      assertThat(secrets.leakIn(log.text())).as(log.text()).isNull();
    }
  }

  @Test
  void aLockFileLeftByADeadProcessIsTakenOverWithAnInfoLineNamingThatProcess() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    Path lock = dir.resolve(file.getFileName() + ".lock");
    Files.writeString(lock, "pid=2147483000\nhost=gone-host\nsince=2026-01-02T03:04:05Z\n");
    try (LogCapture log = LogCapture.start()) {
      SecretForms secrets;
      try (Storage storage = Storage.file(file)) {
        storage.open();
        secrets = secretsOf(storage);
      }
      try (Storage again = Storage.file(file)) {
        again.open();
      }
      assertThat(log.lines(Level.INFO)).containsExactly(file + ": took over the session lock"
          + " left by process 2147483000 on host gone-host since 2026-01-02T03:04:05Z, which is"
          + " gone");
      assertThat(secrets.leakIn(log.text())).as(log.text()).isNull();
    }
  }

  @Test
  void anOrdinaryOpenLogsNothingAtInfoAndOnlyUnderDevJgram() {
    Path file = dir.resolve("fresh.session");
    try (LogCapture log = LogCapture.start()) {
      try (Storage storage = Storage.file(file)) {
        storage.open();
      }
      assertThat(log.lines(Level.INFO)).isEmpty();
      assertThat(log.lines()).isNotEmpty().allMatch(l -> l.logger().startsWith("dev.jgram."));
    }
  }

  @Test
  void theCaptureSeesEveryLevelSoTheScanWouldFindAKeyLoggedAtTrace() {
    AuthKey key = new RandomData(7).authKey();
    SecretForms secrets = new SecretForms().bytes("auth key", key.bytes());
    try (LogCapture log = LogCapture.start()) {
      System.getLogger("dev.jgram.storage.Probe").log(System.Logger.Level.TRACE, "key {0}",
          HexFormat.of().formatHex(key.bytes()));
      assertThat(log.lines()).singleElement().extracting(LogCapture.Line::level)
          .isEqualTo(Level.FINER);
      assertThat(secrets.leakIn(log.text())).isNotNull();
    }
  }
}
