package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.SqliteSchemaTest;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.TestClock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the file engine writes peers: {@code jgram_usernames} rows only where
 * {@code peers.username} cannot tell, multi-row statements, and username ties decided by
 * SQLite alone (no cache, an empty log) the same way the logged peers in memory decide them.
 */
class SqlitePeerWritesTest {
  private static final int NOW = 1_700_000_000;

  @TempDir Path dir;

  private final TestClock clock = new TestClock(NOW);

  private Path file() {
    return dir.resolve("w.session");
  }

  /** Every lookup goes to SQLite. */
  private Storage uncached() {
    Storage s = Storage.file(file(), StorageConfig.DEFAULTS.withClock(clock).withCacheSize(0));
    s.open();
    return s;
  }

  private static Peer user(long id, long hash, String... usernames) {
    return Peer.of(id, hash, PeerType.USER, List.of(usernames), null);
  }

  @Test
  void onlyTheFurtherUsernamesOfAPeerWithSeveralGetRows() throws SQLException {
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(1, 11, "one"), user(2, 22, "two", "deux", "zwei"),
          user(3, 33)));
    }
    assertThat(SqliteSchemaTest.rows(file(), "SELECT peer_id, position, username, written_at, "
        + "seq FROM jgram_usernames")).containsExactly(
        Arrays.asList(2, 1, "deux", NOW, 1), Arrays.asList(2, 2, "zwei", NOW, 2));
    assertThat(SqliteSchemaTest.rows(file(), "SELECT id, username FROM peers ORDER BY id"))
        .containsExactly(Arrays.asList(1, "one"), Arrays.asList(2, "two"),
            Arrays.asList(3, null));
    try (Storage s = uncached()) {
      assertThat(s.peer(2).orElseThrow().usernames()).containsExactly("two", "deux", "zwei");
      for (String name : List.of("two", "deux", "zwei")) {
        assertThat(s.peerByUsername(name)).isEqualTo(new InputPeer.User(2, 22));
      }
    }
  }

  @Test
  void aFirstUsernameAnotherPeerHoldsGetsARowOfItsOwn() throws SQLException {
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(1, 11, "x")));
      s.updatePeers(List.of(user(2, 22, "x", "y")));
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(2, 22));
    }
    assertThat(SqliteSchemaTest.rows(file(), "SELECT peer_id, position, username "
        + "FROM jgram_usernames")).containsExactly(
        Arrays.asList(2, 0, "x"), Arrays.asList(2, 1, "y"));
    try (Storage s = uncached()) {
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(2, 22));
      s.updatePeers(List.of(user(1, 11, "x"))); // the same second: the later write wins
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(1, 11));
    }
    try (Storage s = uncached()) {
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(1, 11));
      assertThat(s.peer(2).orElseThrow().usernames()).containsExactly("x", "y");
      clock.advance(1);
      s.updatePeers(List.of(user(2, 22, "x", "y")));
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(2, 22));
    }
    try (Storage s = uncached()) {
      assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(2, 22));
      assertThat(s.peerByUsername("y")).isEqualTo(new InputPeer.User(2, 22));
      assertThat(s.peer(1).orElseThrow().usernames()).containsExactly("x");
      assertThat(s.peer(2).orElseThrow().usernames()).containsExactly("x", "y");
    }
  }

  @Test
  void aPeerWrittenAgainHasItsRowsRenumberedInPlace() throws SQLException {
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(2, 22, "two", "deux"), user(3, 33, "three", "drei")));
    }
    clock.advance(5);
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(3, 33, "three", "trois"), user(2, 22, "two", "deux")));
    }
    assertThat(SqliteSchemaTest.rows(file(), "SELECT peer_id, position, username, written_at, "
        + "seq FROM jgram_usernames")).containsExactly(
        Arrays.asList(2, 1, "deux", NOW + 5, 4), Arrays.asList(3, 1, "trois", NOW + 5, 3));
  }

  @Test
  void aPeerCutToOneUsernameLosesItsRowsAndItsOtherNames() throws SQLException {
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(1, 11, "first", "second")));
    }
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(1, 11, "first")));
      assertOneName(s);
    }
    assertThat(SqliteSchemaTest.rows(file(), "SELECT * FROM jgram_usernames")).isEmpty();
    try (Storage s = uncached()) {
      assertOneName(s); // from SQLite alone
    }
  }

  private static void assertOneName(Storage s) {
    assertThat(s.peer(1).orElseThrow().usernames()).containsExactly("first");
    assertThatThrownBy(() -> s.peerByUsername("second"))
        .isInstanceOf(PeerNotFoundException.class);
    assertThat(s.peerByUsername("first")).isEqualTo(new InputPeer.User(1, 11));
  }

  /**
   * Each write in a session of its own: the lookups of the next session, before it writes,
   * are SQLite's alone (its log is empty); those after a write come from the log.
   */
  @Test
  void theLaterOfTwoClaimsInOneSecondWinsInSqliteAlone() {
    List<List<Peer>> writes = List.of(List.of(user(1, 11, "shared")),
        List.of(user(2, 22, "shared")), List.of(user(1, 11, "shared")),
        List.of(user(3, 33, "other", "shared")), List.of(user(2, 22, "shared")));
    long[] winners = {1, 2, 1, 3, 2};
    for (int i = 0; i < writes.size(); i++) {
      try (Storage s = uncached()) {
        if (i > 0) {
          assertThat(s.peerByUsername("shared")).as("SQLite after write %d", i - 1)
              .isEqualTo(user(winners[i - 1], winners[i - 1] * 11).toInputPeer());
        }
        s.updatePeers(writes.get(i));
        assertThat(s.peerByUsername("shared")).as("the log after write %d", i)
            .isEqualTo(user(winners[i], winners[i] * 11).toInputPeer());
      }
    }
    try (Storage s = uncached()) {
      assertThat(s.peerByUsername("shared")).isEqualTo(new InputPeer.User(2, 22));
    }
  }

  @Test
  void theLaterOfTwoClaimsInOneBatchWinsInSqliteAlone() {
    try (Storage s = uncached()) {
      s.updatePeers(List.of(user(1, 11, "same"), user(2, 22, "same")));
      assertThat(s.peerByUsername("same")).isEqualTo(new InputPeer.User(2, 22));
    }
    try (Storage s = uncached()) {
      assertThat(s.peerByUsername("same")).isEqualTo(new InputPeer.User(2, 22));
    }
  }

  @Test
  void batchesOfEverySizeAroundTheStatementWidthAreWrittenWhole() {
    for (int size : new int[] {1, PeerWriter.ROWS - 1, PeerWriter.ROWS, PeerWriter.ROWS + 1,
        3 * PeerWriter.ROWS + 7}) {
      List<Peer> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        long id = size * 1000L + i;
        batch.add(Peer.of(id, id * 7, PeerType.BOT, List.of("b" + id), i % 2 == 0 ? "9" + id
            : null).withLastUpdateOn(NOW));
      }
      try (Storage s = uncached()) {
        s.updatePeers(batch);
        for (Peer p : batch) {
          assertThat(s.peer(p.id())).as("size %d, logged", size).contains(p);
        }
      }
      try (Storage s = uncached()) {
        for (Peer p : batch) {
          assertThat(s.peer(p.id())).as("size %d, merged", size).contains(p);
        }
      }
    }
  }
}
