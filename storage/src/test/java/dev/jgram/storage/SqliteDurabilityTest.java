package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.sqlite.SqliteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write is committed when its call returns, the file is in WAL mode only while open, and
 * read-only access neither writes nor leaves anything behind.
 */
class SqliteDurabilityTest {
  @TempDir Path dir;

  private final StorageConfig readOnly = StorageConfig.DEFAULTS.withReadOnly(true);

  private Path file() {
    return dir.resolve("d.session");
  }

  @Test
  void everyWriteIsVisibleToAReaderBeforeTheOwnerCloses() {
    Session session = SqliteGoldenFileTest.expectedSession(
        Fixtures.json("pyrogram-v3-user.dump.json").path("read_by").path("pyrogram")
            .path("engine_view").path("session"));
    try (Storage owner = Storage.file(file())) {
      owner.open();
      owner.session(session);
      owner.updatePeers(List.of(Peer.of(10, 11L, PeerType.USER, List.of("ten", "dix"), "1010")));
      owner.updateState(new UpdateState(1, 2, 3, 4));
      owner.channelPts(77, 88);
      owner.revokeKey("AUTH_KEY_DUPLICATED");
      try (Storage reader = Storage.file(file(), readOnly)) {
        reader.open();
        assertThat(reader.session()).isEqualTo(session);
        assertThat(reader.peerByUsername("dix")).isEqualTo(new InputPeer.User(10, 11));
        assertThat(reader.peerByPhoneNumber("1010")).isEqualTo(new InputPeer.User(10, 11));
        assertThat(reader.updateState()).contains(new UpdateState(1, 2, 3, 4));
        assertThat(reader.channelPts(77)).isEqualTo(OptionalInt.of(88));
        assertThat(reader.keyRevocation()).hasValueSatisfying(
            r -> assertThat(r).contains("AUTH_KEY_DUPLICATED"));
      }
    }
  }

  @Test
  void aReaderSeesWhatTheOwnerCommitsAfterItsOwnLookups() {
    try (Storage owner = Storage.file(file())) {
      owner.open();
      owner.updatePeers(List.of(Peer.of(1, 2L, PeerType.USER, List.of("one"), null)));
      try (Storage reader = Storage.file(file(), readOnly)) {
        reader.open();
        assertThat(reader.peerById(1)).isEqualTo(new InputPeer.User(1, 2));
        owner.updatePeers(List.of(Peer.of(1, 3L, PeerType.USER, List.of("uno"), null)));
        assertThat(reader.peerById(1)).isEqualTo(new InputPeer.User(1, 3));
        assertThat(reader.peerByUsername("uno")).isEqualTo(new InputPeer.User(1, 3));
      }
    }
  }

  @Test
  void theFileIsInWalModeWhileOpenAndOneRollbackModeFileAfterClose() throws IOException {
    try (Storage owner = Storage.file(file())) {
      owner.open();
      owner.updatePeers(List.of(Peer.of(1, 2L, PeerType.USER, List.of(), null)));
      assertThat(headerByte(18)).isEqualTo(2);
      assertThat(dir.resolve("d.session-wal")).exists();
    }
    assertThat(headerByte(18)).isEqualTo(1);
    assertThat(headerByte(19)).isEqualTo(1);
    assertThat(listDir()).containsExactly(file());
  }

  @Test
  void aReadOnlyStorageRefusesEveryWrite() {
    try (Storage owner = Storage.file(file())) {
      owner.open();
    }
    try (Storage reader = Storage.file(file(), readOnly)) {
      reader.open();
      Map<String, Consumer<Storage>> writes = Map.of(
          "session", s -> s.session(Session.EMPTY),
          "updatePeers", s -> s.updatePeers(List.of()),
          "restorePeers", s -> s.restorePeers(List.of()),
          "updateState", s -> s.updateState(new UpdateState(1, 1, 1, 1)),
          "channelPts", s -> s.channelPts(1, 1),
          "revokeKey", s -> s.revokeKey("x"),
          "save", Storage::save,
          "delete", Storage::delete);
      writes.forEach((name, call) -> assertThatThrownBy(() -> call.accept(reader)).as(name)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only"));
      assertThat(reader.session()).isEqualTo(Session.EMPTY);
    }
  }

  @Test
  void readingAnOldFileReadOnlyMigratesNothingAndChangesNoByte() throws Exception {
    Path file = Fixtures.copy("pyrogram-v2-v1.4.0.session", dir);
    String before = Fixtures.sha256(file);
    try (Storage reader = Storage.file(file, readOnly.withClock(Fixtures.fixtureClock()))) {
      reader.open();
      assertThat(reader.session().apiId()).isNull();
      assertThat(reader.peerCount()).isEqualTo(8);
      assertThat(reader.peerByUsername("newschan"))
          .isEqualTo(new InputPeer.Channel(1234567890L, Long.MIN_VALUE));
      assertThat(reader.updateState()).isEmpty();
      assertThat(reader.keyRevocation()).isEmpty();
    }
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listDir()).containsExactly(file);
    assertThat(SqliteGoldenFileTest.versionOf(file)).isEqualTo(2);
  }

  @Test
  void aReadOnlyOpenOfAMissingFileFailsAndCreatesNothing() throws IOException {
    assertThatThrownBy(Storage.file(file(), readOnly)::open)
        .isInstanceOf(InvalidSessionFileException.class).hasMessageContaining("no such");
    assertThat(listDir()).isEmpty();
  }

  @Test
  void aWalModeFileOfAnotherLibraryOpensBothWays() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    SqliteBadFileTest.execute(file, "PRAGMA journal_mode=WAL"); // as hydrogram leaves it
    assertThat(headerByte(file, 18)).isEqualTo(2);
    String before = Fixtures.sha256(file);
    try (Storage reader = Storage.file(file, readOnly)) {
      reader.open();
      assertThat(reader.peerCount()).isEqualTo(8);
    }
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listDir()).containsExactly(file);
    try (Storage owner = Storage.file(file)) {
      owner.open();
      assertThat(owner.peerById(111111111)).isEqualTo(
          new InputPeer.User(111111111, 1234567890123456789L));
    }
  }

  @Test
  void commitsStillInALiveWalAreReadByAReader() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    try (Connection other = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = other.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0");
      s.execute("INSERT INTO peers (id, access_hash, type, username, last_update_on) "
          + "VALUES (42, 43, 'user', 'in_wal', 1700000000)");
      assertThat(dir.resolve("pyrogram-v3-user.session-wal")).exists();
      try (Storage reader = Storage.file(file, readOnly)) {
        reader.open();
        assertThat(reader.peerById(42)).isEqualTo(new InputPeer.User(42, 43));
      }
    }
  }

  @Test
  void deleteRemovesTheSessionItsSideFilesAndBackups() throws IOException {
    Path file = Fixtures.copy("pyrogram-v2-v1.4.0.session", dir);
    Storage s = Storage.file(file);
    s.open();
    assertThat(dir.resolve("pyrogram-v2-v1.4.0.session.v2.bak")).exists();
    s.delete();
    assertThat(listDir()).isEmpty();
    assertThatThrownBy(s::session).hasMessageContaining("storage is closed");
  }

  @Test
  void saveStampsTheDateDurably() throws SQLException {
    try (Storage owner = Storage.file(file(), StorageConfig.DEFAULTS.withClock(
        Fixtures.fixtureClock()))) {
      owner.open();
      owner.save();
      assertThat(SqliteSchemaTest.rows(file(), "SELECT date FROM sessions"))
          .containsExactly(List.of(1700000000));
    }
  }

  @Test
  void aBatchThatFailsPartWayLeavesNoPeerOfItBehind() throws Exception {
    try (Storage owner = Storage.file(file())) {
      owner.open();
    }
    SqliteBadFileTest.execute(file(), "CREATE TRIGGER poison BEFORE INSERT ON jgram_peer_log "
        + "WHEN NEW.username = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
    try (Storage owner = Storage.file(file())) {
      owner.open();
      owner.updatePeers(List.of(Peer.of(1, 1L, PeerType.USER, List.of("kept"), null)));
      assertThatThrownBy(() -> owner.updatePeers(List.of(
          Peer.of(1, 2L, PeerType.USER, List.of("changed"), null),
          Peer.of(2, 2L, PeerType.USER, List.of("poison"), null))))
          .isInstanceOf(StorageException.class).hasMessageContaining("poisoned");
      assertThat(owner.peerById(1)).isEqualTo(new InputPeer.User(1, 1));
      assertThat(owner.peerByUsername("kept")).isEqualTo(new InputPeer.User(1, 1));
      assertThat(owner.peer(2)).isEmpty();
      assertThat(owner.peerCount()).isEqualTo(1);
      owner.updatePeers(List.of(Peer.of(3, 3L, PeerType.USER, List.of(), null)));
      assertThat(owner.peerCount()).isEqualTo(2);
    }
  }

  @Test
  void aMergeThatFailsKeepsTheLoggedPeersAndReportsTheCauseUntilItIsGone() throws Exception {
    try (Storage owner = Storage.file(file())) {
      owner.open();
    }
    SqliteBadFileTest.execute(file(), "CREATE TRIGGER poison BEFORE INSERT ON peers "
        + "WHEN NEW.username = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
    Storage owner = Storage.file(file());
    owner.open();
    owner.updatePeers(List.of(Peer.of(1, 1L, PeerType.USER, List.of("kept"), null),
        Peer.of(2, 2L, PeerType.USER, List.of("poison"), null)));
    assertThat(owner.peerCount()).as("answered with the log, which no read merges").isEqualTo(2);
    owner.close(); // the merge fails; the log keeps both peers
    assertThat(logRows()).isEqualTo(2);
    assertThatThrownBy(() -> Storage.file(file()).open()).isInstanceOf(StorageException.class)
        .hasMessageContaining("merge 2 logged peers").hasMessageContaining("poisoned");
    assertThat(logRows()).as("the failed merge rolled back").isEqualTo(2);
    SqliteBadFileTest.execute(file(), "DROP TRIGGER poison");
    try (Storage again = Storage.file(file())) {
      again.open();
      assertThat(logRows()).isZero();
      assertThat(again.peerByUsername("poison")).isEqualTo(new InputPeer.User(2, 2));
      assertThat(again.peerCount()).isEqualTo(2);
    }
  }

  private long logRows() throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM jgram_peer_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private int headerByte(int offset) throws IOException {
    return headerByte(file(), offset);
  }

  private static int headerByte(Path file, int offset) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(100)[offset];
    }
  }

  private List<Path> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
