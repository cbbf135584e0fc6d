package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.SqliteBadFileTest;
import dev.jgram.storage.SqliteDump;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.TestClock;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer write log: committed peers wait in {@code jgram_peer_log} until a merge, survive a
 * killed process, are seen by readers, and end up where Pyrogram reads them.
 */
class PeerLogTest {
  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void usernamesSurviveTheLogsTextFormWhateverTheyContain(long seed) {
    Random r = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int i = 0, n = r.nextInt(5); i < n; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 0, len = r.nextInt(12); j < len; j++) {
        String alphabet = "ab:9_0\u00e9\u4e2d ";
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      names.add(b.toString());
    }
    String first = names.isEmpty() ? null : names.get(0);
    String others = names.size() < 2 ? null : PeerLog.encode(names.subList(1, names.size()));
    assertThat(PeerLog.usernames(seed, first, others)).isEqualTo(names);
  }

  @Test
  void textThatIsNotInTheLogsFormIsRefusedNamingThePeer() {
    for (String bad : List.of("5:abc", "x:a", ":a", "3a", "1234567:a")) {
      assertThatThrownBy(() -> PeerLog.decode(42, bad)).isInstanceOf(StorageException.class)
          .hasMessageContaining("peer 42").hasMessageContaining("length:name");
    }
  }

  @Test
  void writtenPeersWaitInTheLogAndReachPyrogramsTableOnClose() throws Exception {
    Path file = dir.resolve("close.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(peers(0, 300));
      assertThat(count(file, "jgram_peer_log")).isEqualTo(300);
      assertThat(count(file, "peers")).isZero();
    }
    assertThat(count(file, "jgram_peer_log")).isZero();
    assertThat(count(file, "peers")).isEqualTo(300);
    assertThat(query(file, "SELECT access_hash, type, username, phone_number FROM peers "
        + "WHERE id = 7")).isEqualTo("8|user|u7|707");
  }

  @Test
  void anUnchangedPeerGetsTheStoragesTimeAndPyrogramsTriggerSurvivesUnchanged()
      throws Exception {
    Path file = dir.resolve("refresh.session");
    TestClock clock = new TestClock(1_000);
    StorageConfig config = StorageConfig.DEFAULTS.withClock(clock);
    for (long time : new long[] {1_000, 2_000}) {
      clock.set(time);
      try (Storage s = Storage.file(file, config)) {
        s.open();
        s.updatePeers(peers(0, 3));
        s.updatePeers(List.of(Peer.of(1, 2L, PeerType.USER, List.of("u1"), "101")));
      }
    }
    assertThat(query(file, "SELECT last_update_on, access_hash FROM peers WHERE id = 1"))
        .isEqualTo("2000|2");
    String trigger = SqliteSchema.PYROGRAM_V3.stream()
        .filter(sql -> sql.startsWith("CREATE TRIGGER")).findFirst().orElseThrow();
    assertThat(query(file, "SELECT group_concat(sql) FROM sqlite_master WHERE type = 'trigger'"))
        .isEqualTo(trigger);
    SqliteBadFileTest.execute(file, "UPDATE peers SET access_hash = 9 WHERE id = 2");
    assertThat(Long.parseLong(query(file, "SELECT last_update_on FROM peers WHERE id = 2")))
        .as("Pyrogram's trigger still stamps its own updates").isGreaterThan(1_600_000_000L);
  }

  @Test
  void aFullLogIsMergedWhileTheSessionIsOpen() throws Exception {
    Path file = dir.resolve("full.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      int written = 0;
      while (written < PeerLog.MIN_MERGE_ROWS) {
        s.updatePeers(peers(written, 200));
        written += 200;
      }
      assertThat(count(file, "jgram_peer_log")).as("merged at the minimum").isZero();
      assertThat(count(file, "peers")).isEqualTo(written);
      int inFile = written;
      while (written + 200 < 2 * inFile) {
        s.updatePeers(peers(written, 200));
        written += 200;
      }
      assertThat(count(file, "jgram_peer_log")).as("waits until it holds as many as the file")
          .isEqualTo(written - inFile);
      s.updatePeers(peers(written, 200));
      assertThat(count(file, "jgram_peer_log")).isZero();
      assertThat(count(file, "peers")).isEqualTo(written + 200);
      assertThat(s.peerById(written + 7)).as("kept in memory after the merge")
          .isEqualTo(new InputPeer.User(written + 7, written + 8));
      assertThat(s.peerByUsername("u7")).isEqualTo(new InputPeer.User(7, 8));
      assertThat(s.peerByPhoneNumber("909")).isEqualTo(new InputPeer.User(9, 10));
      assertThat(s.peerCount()).isEqualTo(written + 200);
    }
  }

  @Test
  void aMergeThatBuildsTheIndexesAgainKeepsPyrogramsOwnDdl() throws Exception {
    Path file = dir.resolve("rebuilt.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(peers(0, 300));
      s.updatePeers(List.of(Peer.of(7, 70L, PeerType.BOT, List.of("u8", "seven"), "808")));
    }
    List<String> pyrogram = SqliteSchema.PYROGRAM_V3.stream()
        .filter(sql -> sql.startsWith("CREATE INDEX")).toList();
    assertThat(query(file, "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master "
        + "WHERE type = 'index' AND tbl_name = 'peers' ORDER BY rowid)"))
        .isEqualTo(String.join(";", pyrogram));
    assertThat(query(file, "PRAGMA integrity_check")).isEqualTo("ok");
    assertThat(query(file, "SELECT id FROM peers INDEXED BY idx_peers_username "
        + "WHERE username = 'u5'")).as("the index is there and usable").isEqualTo("5");
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.peerByUsername("u8")).isEqualTo(new InputPeer.User(7, 70));
      assertThat(s.peerByPhoneNumber("808")).isEqualTo(new InputPeer.User(7, 70));
      assertThat(s.peerByPhoneNumber("909")).isEqualTo(new InputPeer.User(9, 10));
      assertThat(s.peerCount()).isEqualTo(300);
    }
  }

  @Test
  void aUniqueIndexOnPeersIsKeptAndHonoured() throws Exception {
    Path file = dir.resolve("unique.session");
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    SqliteBadFileTest.execute(file, "CREATE UNIQUE INDEX my_phone ON peers (phone_number)");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(peers(0, 50));
      s.updatePeers(List.of(Peer.of(1000, 1L, PeerType.USER, List.of(), "505")));
    }
    assertThat(query(file, "SELECT group_concat(id) FROM peers WHERE phone_number = '505'"))
        .as("REPLACE removed the older holder, as the unique index demands").isEqualTo("1000");
    assertThat(query(file, "SELECT sql FROM sqlite_master WHERE name = 'my_phone'"))
        .isEqualTo("CREATE UNIQUE INDEX my_phone ON peers (phone_number)");
  }

  @Test
  void noLookupMergesTheLogWhetherTheFileOrTheLogAnswers() throws Exception {
    Path file = dir.resolve("idmiss.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(peers(0, 10)); // merged on close
    }
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withCacheSize(0))) {
      s.open();
      for (int from = 100; from < 5_000; from += 200) {
        s.updatePeers(peers(from, 200));
      }
      assertThat(s.peerById(3)).as("in the file, not in the log")
          .isEqualTo(new InputPeer.User(3, 4));
      assertThatThrownBy(() -> s.peerById(99)).isInstanceOf(PeerNotFoundException.class);
      assertThat(count(file, "jgram_peer_log")).as("neither lookup merged").isEqualTo(5_000);
      s.updatePeers(List.of(Peer.of(3, 33L, PeerType.BOT, List.of(), null)));
      assertThat(s.peerById(3)).as("a logged entry wins over the file's row")
          .isEqualTo(new InputPeer.User(3, 33));
      assertThatThrownBy(() -> s.peerByUsername("u3")).as("the rewrite has no username")
          .isInstanceOf(PeerNotFoundException.class);
      assertThat(count(file, "jgram_peer_log")).isEqualTo(5_001);
      s.updatePeers(peers(6_000, 2_000));
      assertThat(s.peerById(7_999)).isEqualTo(new InputPeer.User(7_999, 8_000));
      assertThat(s.peerCount()).isEqualTo(10 + 5_000 + 2_000);
      assertThat(count(file, "jgram_peer_log")).isEqualTo(7_001);
    }
  }

  @Test
  void aLookupThatSqliteAnswersSeesLoggedPeers() {
    Path file = dir.resolve("miss.session");
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withCacheSize(0))) {
      s.open();
      s.updatePeers(peers(0, 50));
      assertThat(s.peerById(7)).isEqualTo(new InputPeer.User(7, 8));
      s.updatePeers(peers(50, 10));
      assertThat(s.peerByUsername("u55")).isEqualTo(new InputPeer.User(55, 56));
      s.updatePeers(List.of(Peer.of(3, 99L, PeerType.BOT, List.of("b3", "u3"), null)));
      assertThatThrownBy(() -> s.peerByPhoneNumber("303"))
          .isInstanceOf(PeerNotFoundException.class); // the rewrite has no phone
      assertThat(s.peerByPhoneNumber("404")).isEqualTo(new InputPeer.User(4, 5));
      assertThat(s.peer(3)).hasValueSatisfying(p -> assertThat(p.usernames())
          .containsExactly("b3", "u3"));
      assertThat(s.peerCount()).isEqualTo(60);
    }
  }

  @Test
  void peersOfAKilledOwnerAreReadWithoutTouchingTheFileAndMergedByTheNextOwner()
      throws Exception {
    Path live = dir.resolve("live.session");
    Path crashed = dir.resolve("crashed.session");
    try (Storage s = Storage.file(live)) {
      s.open();
      s.updatePeers(peers(0, 120));
      s.updatePeers(List.of(Peer.of(5, 1L, PeerType.USER, List.of("five", "cinq"), null)));
      copyAsAKillWouldLeaveIt(live, crashed);
    }
    String before = SqliteDump.sha256(crashed);
    String walBefore = SqliteDump.sha256(SqliteFiles.sibling(crashed, "-wal"));
    try (Storage reader = Storage.file(crashed, StorageConfig.DEFAULTS.withReadOnly(true))) {
      reader.open();
      assertThat(reader.peerCount()).isEqualTo(120);
      assertThat(reader.peerByUsername("cinq")).isEqualTo(new InputPeer.User(5, 1));
      assertThat(reader.peerById(119)).isEqualTo(new InputPeer.User(119, 120));
      List<Long> ids = new ArrayList<>();
      reader.forEachPeer(p -> ids.add(p.id()));
      assertThat(ids).hasSize(120);
    }
    assertThat(SqliteDump.sha256(crashed)).isEqualTo(before);
    assertThat(SqliteDump.sha256(SqliteFiles.sibling(crashed, "-wal"))).isEqualTo(walBefore);
    try (Storage owner = Storage.file(crashed)) {
      owner.open();
      assertThat(count(crashed, "jgram_peer_log")).isZero();
      assertThat(owner.peerByUsername("five")).isEqualTo(new InputPeer.User(5, 1));
    }
    assertThat(query(crashed, "SELECT username FROM peers WHERE id = 5")).isEqualTo("five");
  }

  @Test
  void aDamagedLogRowIsRefusedNamingTheFileAndTheLogKeepsItsRows() throws Exception {
    Path live = dir.resolve("live2.session");
    Path crashed = dir.resolve("damaged.session");
    try (Storage s = Storage.file(live)) {
      s.open();
      s.updatePeers(List.of(Peer.of(5, 1L, PeerType.USER, List.of("five", "cinq"), null)));
      copyAsAKillWouldLeaveIt(live, crashed);
    }
    SqliteBadFileTest.execute(crashed, "UPDATE jgram_peer_log SET other_usernames = '9:x'");
    assertThatThrownBy(() -> Storage.file(crashed).open())
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith(crashed.toString())
        .hasMessageContaining("peer 5").hasMessageContaining("length:name");
    assertThat(count(crashed, "jgram_peer_log")).isEqualTo(1);
    assertThat(count(crashed, "peers")).isZero();
  }

  /** The file and its WAL as they are between two writes: what SIGKILL would leave. */
  private static void copyAsAKillWouldLeaveIt(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(SqliteFiles.sibling(from, "-wal"), SqliteFiles.sibling(to, "-wal"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<Peer> peers(int from, int n) {
    return IntStream.range(from, from + n).mapToObj(i -> Peer.of(i, (long) i + 1,
        PeerType.USER, List.of("u" + i), Integer.toString(i * 100 + i))).toList();
  }

  static long count(Path file, String table) throws SQLException {
    return Long.parseLong(query(file, "SELECT COUNT(*) FROM " + table));
  }

  static String query(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> cells = new ArrayList<>();
      rs.next();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        cells.add(rs.getString(i));
      }
      return String.join("|", cells);
    }
  }
}
