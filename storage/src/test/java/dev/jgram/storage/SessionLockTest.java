package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgram.storage.sqlite.SqliteFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per session: the lock file beside it, in this JVM and across processes. */
class SessionLockTest {
  @TempDir Path dir;

  private Path session() {
    return dir.resolve("owned.session");
  }

  @Test
  void aSecondOpenerInThisJvmFailsAtOnceNamingTheOwner() throws IOException {
    try (Storage first = Storage.file(session())) {
      first.open();
      Storage second = Storage.file(session());
      SessionLockedException e = catchThrowableOfType(SessionLockedException.class, second::open);
      long pid = ProcessHandle.current().pid();
      assertThat(e.ownerPid()).isEqualTo(pid);
      assertThat(e.ownerHost()).isEqualTo(InetAddress.getLocalHost().getHostName());
      assertThat(e.ownerSince()).isNotNull();
      assertThat(e).hasMessageContaining(session().toString())
          .hasMessageContaining("process " + pid).hasMessageContaining("on host ");
      first.updatePeers(List.of(Peer.of(1, 2L, PeerType.USER, List.of(), null)));
      assertThat(first.peerById(1)).isEqualTo(new InputPeer.User(1, 2));
    }
  }

  @Test
  void theLockFileNamesTheOwnerAndGoesAwayOnClose() throws IOException {
    Path lock = dir.resolve("owned.session.lock");
    try (Storage s = Storage.file(session())) {
      s.open();
      assertThat(Files.readString(lock)).contains("pid=" + ProcessHandle.current().pid())
          .contains("host=").contains("since=");
    }
    assertThat(lock).doesNotExist();
  }

  @Test
  void afterCloseTheSessionOpensAgain() {
    Storage first = Storage.file(session());
    first.open();
    first.close();
    try (Storage again = Storage.file(session())) {
      again.open();
      assertThat(again.session()).isEqualTo(Session.EMPTY);
    }
  }

  @Test
  void aFailedOpenReleasesTheLock() throws IOException {
    Files.writeString(session(), "not a database");
    Storage refused = Storage.file(session());
    catchThrowableOfType(InvalidSessionFileException.class, refused::open);
    Files.delete(session());
    try (Storage s = Storage.file(session())) {
      s.open();
    }
  }

  @Test
  void aStaleLockFileWithoutAnOsLockIsTakenOver() throws IOException {
    Path lock = dir.resolve("owned.session.lock");
    Files.writeString(lock, "pid=999999\nhost=gone\nsince=2020-01-01T00:00:00Z\n");
    try (Storage s = Storage.file(session())) {
      s.open();
      assertThat(Files.readString(lock)).contains("pid=" + ProcessHandle.current().pid());
    }
    assertThat(lock).doesNotExist();
  }

  @Test
  void readOnlyInspectionWorksWhileTheOwnerRuns() {
    try (Storage owner = Storage.file(session())) {
      owner.open();
      owner.updatePeers(List.of(Peer.of(3, 4L, PeerType.BOT, List.of("b"), null)));
      try (Storage reader = Storage.file(session(), StorageConfig.DEFAULTS.withReadOnly(true))) {
        reader.open();
        assertThat(reader.peerByUsername("b")).isEqualTo(new InputPeer.User(3, 4));
      }
    }
  }

  @Test
  void sessionLockAndWalFilesAreReadableByTheOwnerOnly() throws IOException {
    try (Storage s = Storage.file(session())) {
      s.open();
      s.updatePeers(List.of(Peer.of(3, 4L, PeerType.BOT, List.of("b"), null)));
      for (String suffix : new String[] {"", ".lock", "-wal", "-shm"}) {
        Path p = dir.resolve("owned.session" + suffix);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anotherProcessHoldingTheLockMakesOpenFailNamingItsPid() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), session().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("open " + child.pid());
      SessionLockedException e = catchThrowableOfType(SessionLockedException.class,
          Storage.file(session())::open);
      assertThat(e.ownerPid()).isEqualTo(child.pid());
      assertThat(e).hasMessageContaining("process " + child.pid());

      child.destroyForcibly(); // SIGKILL: no clean-up, the lock file stays behind
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(dir.resolve("owned.session.lock")).exists();
      try (Storage s = Storage.file(session())) {
        s.open();
        assertThat(s.session()).isEqualTo(Session.EMPTY);
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aFileHeldByAnotherSqliteWriterIsReportedAsLockedAndLeftAlone() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    String before = Fixtures.sha256(file);
    // What a running Pyrogram does: one write transaction open for as long as it runs.
    try (java.sql.Connection pyrogram = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE,
        1000); java.sql.Statement s = pyrogram.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE sessions SET date = 1");
      SessionLockedException e = catchThrowableOfType(SessionLockedException.class,
          Storage.file(file)::open);
      assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("in use");
      s.execute("ROLLBACK");
    }
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(dir.resolve("pyrogram-v3-user.session.lock")).doesNotExist();
  }
}
