package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What only the memory engine promises, beyond the shared contract. */
class MemoryStorageTest {
  private final TestClock clock = new TestClock(1_700_000_000L);
  private final StorageConfig config = StorageConfig.DEFAULTS.withClock(clock);

  @Test
  void itIsNamedLikePyrogramsInMemorySession() {
    assertThat(Storage.memory().name()).isEqualTo(":memory:");
    assertThat(Storage.fromSessionString("").name()).isEqualTo(":memory:");
  }

  @Test
  void aSessionStringIsLoadedWithDateZeroAndAnEmptyPeerCache() {
    try (Storage storage = Storage.fromSessionString(StorageContractTest.FIXTURE_STRING, config)) {
      storage.open();
      assertThat(storage.session()).isEqualTo(StorageContractTest.fixtureSession());
      assertThat(storage.session().date()).isZero();
      assertThat(storage.peerCount()).isZero();
      assertThat(storage.exportSessionString()).isEqualTo(StorageContractTest.FIXTURE_STRING);
    }
  }

  @Test
  void aBadSessionStringFailsWhereItIsPassedIn() {
    assertThatThrownBy(() -> Storage.fromSessionString("AgAAMDkA"))
        .isInstanceOf(InvalidSessionStringException.class);
  }

  @Test
  void everythingIsDiscardedOnClose() {
    Storage first = Storage.fromSessionString(StorageContractTest.FIXTURE_STRING, config);
    first.open();
    first.updatePeers(new RandomData(1).peers(10));
    first.session(Session.EMPTY.withUserId(5L));
    first.close();
    Storage second = Storage.fromSessionString(StorageContractTest.FIXTURE_STRING, config);
    second.open();
    assertThat(second.session()).isEqualTo(StorageContractTest.fixtureSession());
    assertThat(second.peerCount()).isZero();
    second.close();
  }

  @Test
  void fiftyThousandPeersGrowTheTablesAndAllResolve() {
    try (Storage storage = Storage.memory(config)) {
      storage.open();
      List<Peer> peers = new RandomData(7).peers(50_000);
      for (int i = 0; i < peers.size(); i += 200) {
        storage.updatePeers(peers.subList(i, Math.min(peers.size(), i + 200)));
      }
      storage.updatePeers(peers.subList(0, 25_000));
      assertThat(storage.peerCount()).isEqualTo(50_000);
      List<Peer> wrong = new ArrayList<>();
      for (Peer p : peers) {
        boolean ok = storage.peerById(p.id()).equals(p.toInputPeer());
        for (String name : p.usernames()) {
          ok &= storage.peerByUsername(name).equals(p.toInputPeer());
        }
        if (!ok) {
          wrong.add(p);
        }
      }
      assertThat(wrong).isEmpty();
    }
  }

  @Test
  void concurrentWritersAndReadersSeeWholeEntriesAndLoseNothing() throws Exception {
    Storage storage = Storage.memory(config);
    storage.open();
    int writers = 4;
    int perWriter = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long base = 1_000_000L * (w + 1);
      tasks.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perWriter; i += 50) {
          List<Peer> batch = new ArrayList<>();
          for (int j = i; j < i + 50; j++) {
            batch.add(Peer.of(base + j, base + j, PeerType.USER, List.of("n" + (base + j)), null));
          }
          storage.updatePeers(batch);
        }
        return null;
      }));
    }
    for (int reader = 0; reader < 2; reader++) {
      tasks.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 20_000; i++) {
          long id = 1_000_000L * (1 + i % writers) + i % perWriter;
          storage.peer(id).ifPresent(p -> {
            assertThat(p.accessHash()).isEqualTo(id);
            assertThat(p.usernames()).containsExactly("n" + id);
          });
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> task : tasks) {
      task.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(storage.peerCount()).isEqualTo((long) writers * perWriter);
    assertThat(storage.peerByUsername("n" + 4_004_999)).isEqualTo(new InputPeer.User(4_004_999,
        4_004_999));
    storage.close();
  }

  @Test
  void lookupsDuringRewritesSeeEitherTheOldOrTheNewEntryNeverAMixture() throws Exception {
    Storage storage = Storage.memory(config);
    storage.open();
    int peers = 64;
    List<Peer> asUsers = new ArrayList<>();
    List<Peer> asChannels = new ArrayList<>();
    for (long id = 1; id <= peers; id++) {
      asUsers.add(Peer.of(id, id, PeerType.USER, List.of("p" + id), null));
      asChannels.add(Peer.of(id, id + 1000, PeerType.CHANNEL, List.of("p" + id), null));
    }
    storage.updatePeers(asUsers);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Future<?> writer = pool.submit(() -> {
      for (int round = 0; round < 2_000; round++) {
        storage.updatePeers(round % 2 == 0 ? asChannels : asUsers);
        // New ids now and then make the tables grow under the readers.
        storage.updatePeers(List.of(Peer.of(10_000 + round, 1L, PeerType.BOT, List.of(), null)));
      }
      done.set(true);
      return null;
    });
    List<Future<Long>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        long checked = 0;
        while (!done.get() || checked < 10_000) {
          long id = 1 + checked % peers;
          InputPeer byId = storage.peerById(id);
          InputPeer byName = storage.peerByUsername("p" + id);
          for (InputPeer seen : List.of(byId, byName)) {
            assertThat(seen).isIn(new InputPeer.User(id, id),
                new InputPeer.Channel(PeerIds.channelId(id), id + 1000));
          }
          checked++;
        }
        return checked;
      }));
    }
    writer.get(120, TimeUnit.SECONDS);
    for (Future<Long> reader : readers) {
      assertThat(reader.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10_000);
    }
    pool.shutdown();
    storage.close();
  }

  @Test
  void forEachPeerMayCallBackIntoTheStorage() {
    try (Storage storage = Storage.memory(config)) {
      storage.open();
      storage.updatePeers(new RandomData(9).peers(30));
      List<Long> seen = new ArrayList<>();
      storage.forEachPeer(p -> {
        storage.updatePeers(List.of(p));
        assertThat(storage.peerById(p.id())).isEqualTo(p.toInputPeer());
        seen.add(p.id());
      });
      assertThat(seen).hasSize(30).isSorted();
    }
  }

  @Test
  void aKeyRevocationRecordsTheReasonWithTheTime() {
    try (Storage storage = Storage.memory(config)) {
      storage.open();
      storage.revokeKey("AUTH_KEY_UNREGISTERED");
      assertThat(storage.keyRevocation())
          .contains("AUTH_KEY_UNREGISTERED at 2023-11-14T22:13:20Z");
    }
  }
}
