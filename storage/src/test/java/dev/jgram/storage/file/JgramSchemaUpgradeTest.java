package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.SqliteDump;
import dev.jgram.storage.SqliteSchemaTest;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.TestClock;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files from jgram schema 1, whose {@code jgram_usernames} was a rowid table holding every
 * username of the peers it had rows for: read as they are when opened read-only, converted in
 * place (rowid becomes {@code seq}) when opened to write.
 */
class JgramSchemaUpgradeTest {
  private static final int NOW = 1_700_000_000;

  @TempDir Path dir;

  private final TestClock clock = new TestClock(NOW);
  private Path file;

  private static Peer user(long id, long hash, String... usernames) {
    return Peer.of(id, hash, PeerType.USER, List.of(usernames), null);
  }

  private StorageConfig uncached() {
    return StorageConfig.DEFAULTS.withClock(clock).withCacheSize(0);
  }

  /**
   * Peer 2 (x, y) and 3 (z, w), then peer 1 (x) in the same second: schema 1 kept rows for all
   * their usernames, in write order, peer 1's last.
   */
  @BeforeEach
  void schemaOneFile() throws SQLException {
    file = dir.resolve("one.session");
    try (Storage s = Storage.file(file, uncached())) {
      s.open();
      s.updatePeers(List.of(user(2, 22, "x", "y"), user(3, 33, "z", "w")));
      s.updatePeers(List.of(user(1, 11, "x")));
    }
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE jgram_usernames");
      s.execute("CREATE TABLE jgram_usernames (peer_id INTEGER NOT NULL, position INTEGER "
          + "NOT NULL, username TEXT NOT NULL, written_at INTEGER NOT NULL)");
      s.execute("CREATE INDEX jgram_idx_usernames_username ON jgram_usernames (username)");
      s.execute("CREATE INDEX jgram_idx_usernames_peer_id ON jgram_usernames (peer_id)");
      s.execute("INSERT INTO jgram_usernames VALUES (2, 0, 'x', " + NOW + "), (2, 1, 'y', "
          + NOW + "), (3, 0, 'z', " + NOW + "), (3, 1, 'w', " + NOW + "), (1, 0, 'x', "
          + NOW + ")");
      s.execute("UPDATE jgram_meta SET value = '1' WHERE key = 'jgram_schema'");
    }
  }

  private static void answersAsSchemaOneDid(Storage s) {
    assertThat(s.peerByUsername("x")).isEqualTo(new InputPeer.User(1, 11));
    assertThat(s.peerByUsername("y")).isEqualTo(new InputPeer.User(2, 22));
    assertThat(s.peerByUsername("w")).isEqualTo(new InputPeer.User(3, 33));
    assertThat(s.peer(1).orElseThrow().usernames()).containsExactly("x");
    assertThat(s.peer(2).orElseThrow().usernames()).containsExactly("x", "y");
    assertThat(s.peer(3).orElseThrow().usernames()).containsExactly("z", "w");
  }

  @Test
  void aReadOnlyOpenReadsSchemaOneAndChangesNothing() {
    String before = SqliteDump.sha256(file);
    try (Storage s = Storage.file(file, uncached().withReadOnly(true))) {
      s.open();
      answersAsSchemaOneDid(s);
    }
    assertThat(SqliteDump.sha256(file)).isEqualTo(before);
  }

  @Test
  void aReadOnlyOpenMergesALogIntoSchemaOneTablesOfItsOwn() throws SQLException {
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO jgram_peer_log (id, access_hash, type, username, "
          + "other_usernames, phone_number, last_update_on) VALUES (4, 44, 'user', 'q', '"
          + PeerLog.encode(List.of("r")) + "', NULL, " + NOW + ")");
    }
    String before = SqliteDump.sha256(file);
    try (Storage s = Storage.file(file, uncached().withReadOnly(true))) {
      s.open();
      assertThat(s.peerByUsername("r")).isEqualTo(new InputPeer.User(4, 44));
      assertThat(s.peer(4).orElseThrow().usernames()).containsExactly("q", "r");
      answersAsSchemaOneDid(s);
    }
    assertThat(SqliteDump.sha256(file)).isEqualTo(before);
  }

  @Test
  void openingToWriteConvertsTheTableKeepingEveryRowAndItsOrder() throws SQLException {
    try (Storage s = Storage.file(file, uncached())) {
      s.open();
      answersAsSchemaOneDid(s);
    }
    assertThat(SqliteSchemaTest.rows(file, "SELECT peer_id, position, username, written_at, "
        + "seq FROM jgram_usernames")).containsExactly(
        Arrays.asList(1, 0, "x", NOW, 5), Arrays.asList(2, 0, "x", NOW, 1),
        Arrays.asList(2, 1, "y", NOW, 2), Arrays.asList(3, 0, "z", NOW, 3),
        Arrays.asList(3, 1, "w", NOW, 4));
    assertThat(SqliteSchemaTest.rows(file, "SELECT name FROM sqlite_master WHERE tbl_name = "
        + "'jgram_usernames' AND sql IS NOT NULL ORDER BY name")).extracting(r -> r.get(0))
        .containsExactly("jgram_idx_usernames_username", "jgram_usernames");
    assertThat(SqliteSchemaTest.rows(file, "SELECT value FROM jgram_meta "
        + "WHERE key = 'jgram_schema'")).containsExactly(List.of("3"));
    assertThat(SqliteDump.integrity(file)).isEqualTo("ok");

    try (Storage s = Storage.file(file, uncached())) {
      s.open();
      answersAsSchemaOneDid(s);
      s.updatePeers(List.of(user(3, 33, "z", "v")));
      assertThat(s.peer(3).orElseThrow().usernames()).containsExactly("z", "v");
      assertThatThrownBy(() -> s.peerByUsername("w")).isInstanceOf(PeerNotFoundException.class);
    }
    assertThat(SqliteSchemaTest.rows(file, "SELECT position, username, seq FROM "
        + "jgram_usernames WHERE peer_id = 3")).containsExactly(Arrays.asList(1, "v", 6));
  }
}
