package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer cache, driven the way the file engine drives it (lookups that fall back to SQLite
 * and load what SQLite answers, writes that go through it), never answers differently from
 * SQLite itself, here a model of the peers table: the newest entry wins a username or phone,
 * ties going to the later write.
 */
class PeerCacheModelTest {
  private static final int[] BOUNDS = {0, 1, 2, 5, 20, 1000};

  /** A row of the model table; {@code seq} orders writes. */
  private record Row(Peer peer, long seq) {
    boolean beats(Row other) {
      return other == null || peer.lastUpdateOn() > other.peer.lastUpdateOn()
          || peer.lastUpdateOn() == other.peer.lastUpdateOn() && seq > other.seq;
    }
  }

  private final Map<Long, Row> table = new HashMap<>();
  private long writes;

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyAnswerOfTheCacheIsTheAnswerOfTheTable(long seed) {
    Random r = new Random(seed);
    int bound = BOUNDS[r.nextInt(BOUNDS.length)];
    int ids = 1 + r.nextInt(40);
    PeerCache cache = new PeerCache(bound);
    for (int op = 0; op < 2000; op++) {
      switch (r.nextInt(5)) {
        case 0, 1 -> write(cache, randomPeer(r, ids));
        case 2 -> lookUpId(cache, r.nextInt(ids + 2));
        case 3 -> lookUpUsername(cache, "u" + r.nextInt(8));
        default -> lookUpPhone(cache, "p" + r.nextInt(5));
      }
      assertThat(cache.size()).isLessThanOrEqualTo(bound);
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
    return new Peer(r.nextInt(ids), (long) r.nextInt(100), type, names, phone, r.nextInt(6));
  }

  private void write(PeerCache cache, Peer p) {
    table.put(p.id(), new Row(p, writes++));
    cache.written(p);
  }

  private void lookUpId(PeerCache cache, long id) {
    Row row = table.get(id);
    int slot = cache.slotOf(id);
    if (slot >= 0) {
      assertThat(row).as("cached id %d is in the table", id).isNotNull();
      assertAnswer(cache, slot, row.peer);
    } else if (cache.knownMissing(id)) {
      assertThat(row).as("id %d known missing", id).isNull();
    } else if (row == null) {
      cache.missed(id);
    } else {
      cache.loaded(entry(row.peer));
    }
  }

  private void lookUpUsername(PeerCache cache, String username) {
    Row winner = null;
    for (Row row : table.values()) {
      if (row.peer.usernames().contains(username) && row.beats(winner)) {
        winner = row;
      }
    }
    int slot = cache.slotOfUsername(username);
    if (slot >= 0) {
      assertThat(winner).as("username %s has a winner", username).isNotNull();
      assertAnswer(cache, slot, winner.peer);
    } else if (winner != null) {
      cache.loadedForUsername(entry(winner.peer), username);
    }
  }

  private void lookUpPhone(PeerCache cache, String phone) {
    Row winner = null;
    for (Row row : table.values()) {
      if (phone.equals(row.peer.phoneNumber()) && row.beats(winner)) {
        winner = row;
      }
    }
    int slot = cache.slotOfPhone(phone);
    if (slot >= 0) {
      assertThat(winner).as("phone %s has a winner", phone).isNotNull();
      assertAnswer(cache, slot, winner.peer);
    } else if (winner != null) {
      cache.loadedForPhone(entry(winner.peer), phone);
    }
  }

  private static void assertAnswer(PeerCache cache, int slot, Peer expected) {
    assertThat(cache.input(slot)).isEqualTo(expected.toInputPeer());
    assertThat(cache.lastUpdateOn(slot)).isEqualTo(expected.lastUpdateOn());
  }

  private static PeerCache.Entry entry(Peer p) {
    return new PeerCache.Entry(p.id(), p.type(), p.accessHash(), p.lastUpdateOn());
  }
}
