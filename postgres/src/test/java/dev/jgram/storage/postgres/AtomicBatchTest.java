package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtomicBatchTest {
  private final String schema = Pg.freshSchema("atomic");
  private PostgresStorage storage;

  @BeforeEach
  void open() {
    storage = PostgresStorage.create(Pg.pool(), "alice", schema, StorageConfig.DEFAULTS);
    storage.open();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private static List<Peer> peers(long from, int count) {
    List<Peer> peers = new ArrayList<>();
    for (long id = from; id < from + count; id++) {
      peers.add(Peer.of(id, id, PeerType.USER, List.of("u" + id), "1" + id));
    }
    return peers;
  }

  private long rows(String table) {
    return Pg.queryLong("SELECT count(*) FROM " + schema + "." + table);
  }

  @Test
  void batchFailingOnAConstraintMidwayLeavesNoneOfItsRows() {
    storage.updatePeers(List.of(Peer.of(150, 5L, PeerType.BOT, List.of("keep"), null)));
    Pg.exec("ALTER TABLE " + schema + ".peers ADD CONSTRAINT no_199 CHECK (id <> 199)");
    assertThatThrownBy(() -> storage.updatePeers(peers(100, 200)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no_199");
    assertThat(rows("peers")).isEqualTo(1);
    assertThat(rows("usernames")).isEqualTo(1);
    assertThat(storage.peer(150).orElseThrow().type()).isEqualTo(PeerType.BOT);
  }

  @Test
  void batchLargerThanOneStatementIsStillAllOrNothing() {
    int size = PeerWrites.CHUNK * 2 + 500;
    long last = 1_000 + size - 1;
    Pg.exec("ALTER TABLE " + schema + ".peers ADD CONSTRAINT no_last CHECK (id <> " + last + ")");
    assertThatThrownBy(() -> storage.restorePeers(peers(1_000, size)))
        .isInstanceOf(StorageException.class);
    assertThat(rows("peers")).isZero();
    assertThat(rows("usernames")).isZero();
    Pg.exec("ALTER TABLE " + schema + ".peers DROP CONSTRAINT no_last");
    storage.restorePeers(peers(1_000, size));
    assertThat(storage.peerCount()).isEqualTo(size);
  }

  @Test
  void connectionKilledMidBatchLeavesNoneOfItsRows() throws Exception {
    storage.updatePeers(List.of(Peer.of(200, 5L, PeerType.BOT, List.of("keep"), null)));
    long backend = Pg.queryLong("SELECT backend_pid FROM " + schema + ".owners");
    try (Connection blocker = Pg.server().getPostgresDatabase().getConnection();
        Statement st = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      // Hold peer 200's row: the batch inserts peers 100..199, then waits on it.
      st.execute("SELECT * FROM " + schema + ".peers WHERE id = 200 FOR UPDATE");
      CompletableFuture<Void> batch =
          CompletableFuture.runAsync(() -> storage.updatePeers(peers(100, 200)));
      awaitWaitingOnALock(backend);
      Pg.queryLong("SELECT pg_terminate_backend(?::int)::int", backend);
      assertThatThrownBy(batch::join).hasCauseInstanceOf(StorageException.class);
      blocker.rollback();
    }
    Pg.awaitBackendGone(backend);
    assertThat(rows("peers")).isEqualTo(1);
    assertThat(rows("usernames")).isEqualTo(1);
    assertThat(storage.peer(200).orElseThrow().type()).isEqualTo(PeerType.BOT);
  }

  private static void awaitWaitingOnALock(long backend) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (Pg.queryLong("SELECT count(*) FROM pg_stat_activity"
        + " WHERE pid = ?::int AND wait_event_type = 'Lock'", backend) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the batch never waited on the held row");
      }
      Thread.onSpinWait();
    }
  }
}
