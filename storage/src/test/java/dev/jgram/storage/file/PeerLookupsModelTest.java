package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The file engine's lookups (the logged peers in memory over the file's rows, and the bounded
 * cache of those rows), driven with restored peers whose times repeat and go back, merges at
 * random moments and caches of every size, never answer differently from a model of the
 * peers table: the newest entry wins a username or phone, ties going to the later write (for
 * a phone, SQLite may answer with any of the newest).
 */
class PeerLookupsModelTest {
  private static final int[] BOUNDS = {0, 1, 2, 5, 20, 1000};
  private static final long NOW = 1_700_000_000L;

  /** A row of the model table; {@code seq} orders writes. */
  private record Row(Peer peer, long seq) {
    boolean beats(Row other) {
      return other == null || peer.lastUpdateOn() > other.peer.lastUpdateOn()
          || peer.lastUpdateOn() == other.peer.lastUpdateOn() && seq > other.seq;
    }
  }

  @TempDir Path dir;

  private final Map<Long, Row> table = new HashMap<>();
  private long writes;

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyAnswerIsTheAnswerOfTheModelTable(long seed) {
    Random r = new Random(seed);
    int ids = 1 + r.nextInt(40);
    StorageConfig config = StorageConfig.DEFAULTS.withClock(new TestClock(NOW))
        .withCacheSize(BOUNDS[r.nextInt(BOUNDS.length)]);
    Path file = dir.resolve("m" + seed + ".session");
    Storage storage = Storage.file(file, config);
    storage.open();
    try {
      for (int op = 0; op < 300; op++) {
        switch (r.nextInt(12)) {
          case 0, 1, 2, 3 -> write(storage, r, ids);
          case 4 -> lookUp(storage, r, ids, seed + "/" + op);
          case 5 -> { // a merge now and then: the next lookups read the file and the cache
            if (r.nextInt(6) == 0) {
              storage.close();
              storage = Storage.file(file, config);
              storage.open();
            }
          }
          default -> lookUp(storage, r, ids, seed + "/" + op);
        }
      }
    } finally {
      storage.close();
    }
  }

  private void write(Storage storage, Random r, int ids) {
    List<Peer> batch = new ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      batch.add(randomPeer(r, ids));
    }
    if (r.nextBoolean()) {
      storage.restorePeers(batch);
    } else {
      batch.replaceAll(p -> p.withLastUpdateOn(NOW));
      storage.updatePeers(batch);
    }
    Map<Long, Peer> last = new HashMap<>();
    batch.forEach(p -> last.put(p.id(), p));
    for (Peer p : batch) {
      if (last.get(p.id()) == p) {
        table.put(p.id(), new Row(p, writes++));
      }
    }
  }

  private static Peer randomPeer(Random r, int ids) {
    List<String> names = new ArrayList<>();
    for (int n = r.nextInt(4); n > 0; n--) {
      String name = "u" + r.nextInt(8);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    String phone = r.nextInt(3) == 0 ? "p" + r.nextInt(5) : null;
    PeerType type = PeerType.values()[r.nextInt(PeerType.values().length)];
    // Times repeat and go back (restored peers), so ties and older writes are common.
    return new Peer(r.nextInt(ids), (long) r.nextInt(100), type, names, phone,
        NOW - 3 + r.nextInt(6));
  }

  private void lookUp(Storage storage, Random r, int ids, String where) {
    switch (r.nextInt(4)) {
      case 0 -> {
        long id = r.nextInt(ids + 2);
        Row row = table.get(id);
        assertThat(answer(() -> storage.peerById(id).toString())).as(where + " id " + id)
            .isEqualTo(row == null ? "ID_NOT_FOUND" : row.peer.toInputPeer().toString());
        assertThat(storage.peer(id)).as(where + " peer " + id)
            .isEqualTo(java.util.Optional.ofNullable(row).map(Row::peer));
      }
      case 1 -> {
        String name = "u" + r.nextInt(8);
        Row winner = winner(p -> p.usernames().contains(name));
        assertThat(answer(() -> storage.peerByUsername(name).toString()))
            .as(where + " username " + name)
            .isEqualTo(winner == null ? "USERNAME_NOT_FOUND" : winner.peer.toInputPeer().toString());
      }
      case 2 -> {
        String phone = "p" + r.nextInt(5);
        // SQLite orders a phone's holders by time alone: any of the newest may answer.
        Row winner = winner(p -> phone.equals(p.phoneNumber()));
        List<String> newest = table.values().stream().filter(row -> winner != null
                && phone.equals(row.peer.phoneNumber())
                && row.peer.lastUpdateOn() == winner.peer.lastUpdateOn())
            .map(row -> row.peer.toInputPeer().toString()).toList();
        assertThat(answer(() -> storage.peerByPhoneNumber(phone).toString()))
            .as(where + " phone " + phone)
            .isIn(winner == null ? List.of("PHONE_NOT_FOUND") : newest);
      }
      default -> {
        assertThat(storage.peerCount()).as(where + " count").isEqualTo(table.size());
        List<Long> listed = new ArrayList<>();
        storage.forEachPeer(p -> {
          listed.add(p.id());
          assertThat(p).isEqualTo(table.get(p.id()).peer);
        });
        assertThat(listed).as(where + " listed").isSorted().hasSize(table.size());
      }
    }
  }

  private Row winner(java.util.function.Predicate<Peer> holds) {
    Row winner = null;
    for (Row row : table.values()) {
      if (holds.test(row.peer) && row.beats(winner)) {
        winner = row;
      }
    }
    return winner;
  }

  private static String answer(java.util.function.Supplier<String> lookup) {
    try {
      return lookup.get();
    } catch (PeerNotFoundException e) {
      return e.reason().name();
    }
  }
}
