package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Storage;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files give their SQLite memory back after a write. */
class MemoryTrimTest {
  @TempDir
  Path dir;

  @Test
  void aSmallFileIsTrimmedAfterEveryWriteUntilItGrowsPastTheLimit() throws SQLException {
    Path file = dir.resolve("t.db");
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x BLOB)");
      int[] releases = {0};
      MemoryTrim trim = new MemoryTrim(c, () -> releases[0]++);
      trim.afterWrite();
      trim.afterWrite();
      assertThat(releases[0]).isEqualTo(2);
      // Each 3,000-byte row takes most of a 4 KiB page.
      for (int i = 0; i <= MemoryTrim.MAX_PAGES; i++) {
        s.execute("INSERT INTO t VALUES (zeroblob(3000))");
      }
      trim.afterWrite();
      assertThat(releases[0]).isEqualTo(2);
      s.execute("DELETE FROM t");
      s.execute("VACUUM");
      assertThat(trim.isSmall()).as("a file once large is not asked again").isFalse();
    }
  }

  @Test
  void aTrimmedSessionKeepsAnsweringFromItsFile() {
    Path file = dir.resolve("s.session");
    try (Storage storage = Storage.file(file)) {
      storage.open();
      for (int i = 1; i <= 50; i++) {
        storage.updatePeers(List.of(
            Peer.of(i, (long) i, PeerType.USER, List.of("u" + i), "55" + i)));
      }
      assertThat(storage.peerById(7)).isEqualTo(new InputPeer.User(7, 7));
      assertThat(storage.peer(8).orElseThrow().usernames()).containsExactly("u8");
      assertThat(storage.peerCount()).isEqualTo(50);
    }
    try (Storage storage = Storage.file(file)) {
      storage.open();
      assertThat(storage.peerByUsername("u9")).isEqualTo(new InputPeer.User(9, 9));
      assertThat(storage.peerByPhoneNumber("5510")).isEqualTo(new InputPeer.User(10, 10));
    }
  }
}
