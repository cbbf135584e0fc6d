package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Storage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pyrogram-v3-user", "pyrogram-v3-fresh", "pyrogram-v2-v1.4.0",
      "pyrogram-v1-v0.15.1", "pyrofork-v4-user", "kurigram-v6-user"})
  void everyGoldenFileIsSound(String base) {
    Path file = Fixtures.copy(base + ".session", dir);

    CliRun.Result r = jgram("check", file.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("ok    integrity  PRAGMA integrity_check: ok")
        .contains("ok    schema     Pyrogram-family schema version")
        .contains("info  lock       not held")
        .endsWith("result: ok" + System.lineSeparator());
  }

  @Test
  void checksATelethonFileToo() {
    Path file = Interop.copy("telethon-v7-user.session", dir);
    String before = Fixtures.sha256(file);

    CliRun.Result r = jgram("check", file.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("ok    schema     Telethon schema version 7")
        .contains("ok    session    dc 2, user unknown, auth key id c7b1468ed72caa56, 6 entities");
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }

  @Test
  void reportsTheSchemaAndTheSession() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);

    CliRun.Result r = jgram("check", file.toString());

    assertThat(r.out()).contains("ok    file       28672 bytes, SQLite 3, 4096-byte pages, "
        + "rollback journal")
        .contains("Pyrogram-family schema version 3 (Pyrogram 2.x)")
        .contains("ok    session    dc 2, user 987654321, auth key id ")
        .contains(", 8 peers");
  }

  @Test
  void aDamagedPageFailsTheIntegrityCheck() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      for (int page = 1; page < 7; page++) {
        raf.seek(page * 4096L + 8);
        raf.write(new byte[64]);
      }
    }

    CliRun.Result r = jgram("check", file.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("jgram check: " + file + ": ");
    assertThat(r.out()).contains("FAIL").doesNotContain("result: ok");
  }

  @Test
  void aSessionHeldInThisProcessIsReportedAndStillReadable() {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    try (Storage running = Storage.file(file)) {
      running.open();

      CliRun.Result check = jgram("check", file.toString());
      CliRun.Result info = jgram("info", file.toString());
      CliRun.Result peers = jgram("peers", file.toString(), "--id", "111111111");

      assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
      assertThat(check.out()).contains("info  lock       held by another client: this process (pid "
          + ProcessHandle.current().pid() + ")");
      assertThat(info.exitCode()).as(info.err()).isZero();
      assertThat(info.out()).contains("user_id       987654321");
      assertThat(peers.exitCode()).as(peers.err()).isZero();
    }
  }

  @Test
  void aSessionHeldByAnotherProcessNamesItsPid() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        HoldSession.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");

      CliRun.Result check = jgram("check", file.toString());
      CliRun.Result info = jgram("info", "--json", file.toString());

      assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
      String lockLine = lockLine(check.out());
      assertThat(lockLine).contains("held by another client").contains(Long.toString(child.pid()));
      assertThat(info.exitCode()).as(info.err()).isZero();
      assertThat(Json.mapper().readTree(info.out()).path("user_id").asLong()).isEqualTo(987654321L);
    } finally {
      child.getOutputStream().close();
      child.waitFor();
    }
    assertThat(lockLine(jgram("check", file.toString()).out())).contains("not held");
  }

  @Test
  void aSessionInsideARunningPyrogramsOpenWriteTransactionIsStillReadable() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    try (Connection pyrogram = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = pyrogram.createStatement()) {
      s.execute("BEGIN");
      s.execute("REPLACE INTO peers (id, access_hash, type, username, phone_number)"
          + "VALUES (42, 1, 'user', 'uncommitted', NULL)");

      CliRun.Result check = jgram("check", file.toString());
      CliRun.Result info = jgram("info", "--json", file.toString());
      CliRun.Result peers = jgram("peers", file.toString(), "--id", "42");

      assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
      assertThat(check.out()).contains("info  journal    " + file.getFileName()
          + "-journal exists: a client is writing now");
      assertThat(Json.mapper().readTree(info.out()).path("peers").asLong()).isEqualTo(8);
      assertThat(peers.exitCode()).isEqualTo(1);
      assertThat(peers.err()).contains("ID not found: 42");
      s.execute("ROLLBACK");
    }
  }

  @Test
  void aLockFileLeftByAKilledProcessIsReportedAsStale() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        HoldSession.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("ready");
    child.destroyForcibly().waitFor();

    CliRun.Result check = jgram("check", file.toString());

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(lockLine(check.out())).contains("not held")
        .contains("a lock file left by process " + child.pid())
        .contains("the next client takes it over");
  }

  private static String lockLine(String out) {
    return List.of(out.split("\\R")).stream().filter(l -> l.contains(" lock "))
        .findFirst().orElseThrow();
  }
}
