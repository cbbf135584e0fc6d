package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.UpdateState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int SESSIONS = 50;
  private static final int BATCHES = 5;
  private static final int BATCH = 200;

  private final String schema = Pg.freshSchema("fleet");

  /** Session {@code s}'s peers: ids shared across sessions, hashes and names not. */
  private static List<Peer> peersOf(int s) {
    SplittableRandom random = new SplittableRandom(s);
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < BATCHES * BATCH; i++) {
      List<String> names = i % 3 == 0 ? List.of("s" + s + "_u" + i) : List.of();
      String phone = i % 5 == 0 ? Long.toString(10_000_000_000L + s * 100_000L + i) : null;
      peers.add(Peer.of(100_000_000L + i, random.nextLong(), PeerType.USER, names, phone));
    }
    return peers;
  }

  @Test
  void fiftySessionsWrittenAtOnceReadBackComplete() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      int session = s;
      writers.add(pool.submit(() -> {
        start.await();
        write(session);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> w : writers) {
      w.get();
    }
    pool.shutdown();
    for (int s = 0; s < SESSIONS; s++) {
      verify(s);
    }
  }

  @Test
  void oneStorageSharedByManyThreadsLosesNoWrite() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (PostgresStorage storage = storage(999)) {
      storage.open();
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long base = t * 1_000L;
        writers.add(pool.submit(() -> {
          for (long i = 0; i < 10; i++) {
            storage.updatePeers(List.of(Peer.of(base + i + 1, i, PeerType.USER, List.of(), null)));
            storage.channelPts(base + i, (int) i);
          }
          return null;
        }));
      }
      for (Future<?> w : writers) {
        w.get();
      }
      assertThat(storage.peerCount()).isEqualTo(80);
      assertThat(storage.allChannelPts()).hasSize(80);
    } finally {
      pool.shutdown();
    }
  }

  private void write(int s) {
    List<Peer> peers = peersOf(s);
    try (PostgresStorage storage = storage(s)) {
      storage.open();
      storage.session(Session.EMPTY.withUserId((long) s).withApiId(12345L));
      for (int from = 0; from < peers.size(); from += BATCH) {
        storage.updatePeers(peers.subList(from, from + BATCH));
      }
      storage.updateState(new UpdateState(s, s + 1, s + 2, s + 3));
    }
  }

  private void verify(int s) {
    List<Peer> expected = peersOf(s);
    try (PostgresStorage storage = storage(s)) {
      storage.open();
      assertThat(storage.session().userId()).isEqualTo(s);
      assertThat(storage.updateState()).contains(new UpdateState(s, s + 1, s + 2, s + 3));
      List<Peer> read = new ArrayList<>();
      storage.forEachPeer(read::add);
      assertThat(read).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        Peer want = expected.get(i);
        assertThat(read.get(i).withLastUpdateOn(0)).isEqualTo(want);
      }
      Peer named = expected.get(3);
      assertThat(storage.peerByUsername(named.primaryUsername()))
          .isEqualTo(new InputPeer.User(named.id(), named.accessHash()));
    }
  }

  private PostgresStorage storage(int s) {
    return PostgresStorage.create(Pg.pool(), "account" + s, schema, StorageConfig.DEFAULTS);
  }
}
