package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerModel;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded workloads full of shared usernames, repeated ids and same-second writes, read while
 * in the log and merged at random moments (reopens, full logs), answer every
 * lookup as {@link PeerModel}, the storage contract in a few lines, does: the newest write of a
 * username wins, a tie going to the later write.
 */
class LogMergeModelTest {
  private static final int IDS = 30;
  private static final int NAMES = 12;

  @TempDir Path dir;
  private boolean readerToo;

  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theFileEngineAnswersLikeTheMemoryEngine(long seed) {
    run(seed);
  }

  /** The same workloads, every answer also checked from a read-only open beside the owner. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aReaderBesideTheOwnerAnswersLikeTheMemoryEngine(long seed) {
    readerToo = true;
    run(seed);
  }

  private void run(long seed) {
    Random r = new Random(seed);
    TestClock clock = new TestClock(1_700_000_000L);
    StorageConfig config = StorageConfig.DEFAULTS.withClock(clock).withCacheSize(r.nextInt(4));
    Path file = dir.resolve("model-" + seed + ".session");
    PeerModel model = new PeerModel(clock);
    Storage storage = Storage.file(file, config);
    storage.open();
    try {
      for (int step = 0; step < 40; step++) {
        List<Peer> batch = batch(r);
        model.updatePeers(batch);
        storage.updatePeers(batch);
        clock.advance(r.nextInt(3) == 0 ? 1 : 0);
        switch (r.nextInt(6)) {
          case 0 -> {
            storage.close();
            storage = Storage.file(file, config);
            storage.open();
          }
          case 1 -> {
            assertSameAnswers(model, storage, seed, step);
            if (readerToo) {
              try (Storage reader = Storage.file(file, config.withReadOnly(true))) {
                reader.open();
                assertSameAnswers(model, reader, seed, step);
              }
            }
          }
          default -> { }
        }
      }
      assertSameAnswers(model, storage, seed, -1);
      storage.close();
      storage = Storage.file(file, config);
      storage.open();
      assertSameAnswers(model, storage, seed, -2);
    } finally {
      storage.close();
    }
  }

  private static List<Peer> batch(Random r) {
    List<Peer> batch = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
      long id = 1 + r.nextInt(IDS);
      List<String> names = new ArrayList<>();
      for (int k = 0, m = r.nextInt(4) == 0 ? 2 : r.nextInt(2); k < m; k++) {
        String name = "n" + r.nextInt(NAMES);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      String phone = r.nextBoolean() ? "7" + id : null;
      batch.add(Peer.of(id, id * 10 + r.nextInt(3), PeerType.USER, names, phone));
    }
    return batch;
  }

  private static void assertSameAnswers(PeerModel model, Storage storage, long seed, int step) {
    String where = "seed " + seed + " step " + step;
    if ((seed + step) % 2 == 0) { // lookups by id first, before any other read merges the log
      assertSameIds(model, storage, where);
    }
    for (int n = 0; n < NAMES; n++) {
      String name = "n" + n;
      assertThat(answer(s -> s.peerByUsername(name), storage)).as(where + " " + name)
          .isEqualTo(model.byUsername(name));
    }
    assertSameIds(model, storage, where);
    for (long id = 1; id <= IDS; id++) {
      long peer = id;
      assertThat(answer(s -> s.peerByPhoneNumber("7" + peer), storage)).as(where + " phone")
          .isEqualTo(model.byPhone("7" + peer));
      assertThat(storage.peer(id)).as(where + " peer " + id).isEqualTo(model.peer(id));
    }
    assertThat(storage.peerCount()).as(where).isEqualTo(model.count());
  }

  private static void assertSameIds(PeerModel model, Storage storage, String where) {
    for (long id = 1; id <= IDS + 2; id++) {
      long peer = id;
      assertThat(answer(s -> s.peerById(peer), storage)).as(where + " id " + id)
          .isEqualTo(model.byId(peer));
    }
  }

  static String answer(Function<Storage, InputPeer> lookup, Storage s) {
    try {
      return lookup.apply(s).toString();
    } catch (PeerNotFoundException e) {
      return e.reason().name();
    }
  }
}
