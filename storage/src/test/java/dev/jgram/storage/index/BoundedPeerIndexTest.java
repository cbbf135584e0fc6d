package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.PeerType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bounded peer index, as the file engine caches SQLite's rows in one: its bound, the ids it
 * knows to be absent, and when its username and phone maps answer.
 */
class BoundedPeerIndexTest {
  private static final PeerType[] TYPES = PeerType.values();
  /** Ids whose hashes are extreme, beside a small range that forces probe chains. */
  private static final long[] ODD_IDS = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE,
      PeerIds.markChannel(5), -400_000_001L, 1L << 32};

  private static Peer peer(long id, long time, String phone, String... usernames) {
    return new Peer(id, id, PeerType.USER, List.of(usernames), phone, time);
  }

  private static void put(PeerIndex index, Peer p) {
    index.put(p, p.lastUpdateOn());
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @Test
  void aMissedIdStaysKnownMissingUntilItIsWrittenOrTheIndexCleared() {
    PeerIndex index = PeerIndex.bounded(10);
    index.putMissing(7);
    assertThat(index.knownMissing(7)).isTrue();
    assertThat(index.knownMissing(8)).isFalse();
    assertThat(index.slotOf(7)).isEqualTo(-1);
    assertThat(index.inputPeerById(7)).isNull();
    put(index, peer(7, 1, null));
    assertThat(index.knownMissing(7)).isFalse();
    assertThat(index.inputPeerById(7)).isEqualTo(new InputPeer.User(7, 7));
    index.putMissing(9);
    index.clear();
    assertThat(index.knownMissing(9)).isFalse();
  }

  @Test
  void aZeroBoundIndexRemembersNoMiss() {
    PeerIndex index = PeerIndex.bounded(0);
    index.putMissing(7);
    assertThat(index.knownMissing(7)).isFalse();
  }

  @Test
  void theIndexNeverHoldsMoreThanItsBound() {
    PeerIndex index = PeerIndex.bounded(100);
    for (long id = 1; id <= 10_000; id++) {
      put(index, peer(id, 1, null));
      if (id % 3 == 0) {
        index.putMissing(-id);
      }
      assertThat(index.size()).isLessThanOrEqualTo(100);
    }
    assertThat(index.slotOf(10_000)).isNotNegative();
  }

  @Test
  void aZeroBoundHoldsNothing() {
    PeerIndex index = PeerIndex.bounded(0);
    put(index, peer(1, 1, "5", "a"));
    assertThat(index.slotOf(1)).isEqualTo(-1);
    assertThat(index.slotOfUsername("a")).isEqualTo(-1);
    assertThat(index.size()).isZero();
  }

  @Test
  void aStoredPeerAnswersWithItsInputPeerAndTime() {
    PeerIndex index = PeerIndex.bounded(10);
    put(index, new Peer(-1_000_000_000_123L, 99L, PeerType.CHANNEL, List.of(), null, 42));
    int slot = index.slotOf(-1_000_000_000_123L);
    assertThat(index.inputPeer(slot)).isEqualTo(new InputPeer.Channel(123, 99));
    assertThat(index.lastUpdateOn(slot)).isEqualTo(42);
  }

  @Test
  void aNewerWriteTakesOverAUsernameAndAnOlderOneDoesNot() {
    PeerIndex index = PeerIndex.bounded(10);
    put(index, peer(1, 10, null, "shared"));
    assertThat(index.slotOfUsername("shared")).isEqualTo(index.slotOf(1));
    put(index, peer(2, 20, null, "shared"));
    assertThat(index.slotOfUsername("shared")).isEqualTo(index.slotOf(2));
    put(index, peer(3, 5, null, "shared")); // older: the newest holder stays
    assertThat(index.slotOfUsername("shared")).isEqualTo(index.slotOf(2));
  }

  @Test
  void aNewerWriteTakesOverAPhoneATieGoingToTheLaterWrite() {
    PeerIndex index = PeerIndex.bounded(10);
    put(index, peer(1, 10, "777"));
    put(index, peer(2, 10, "777"));
    assertThat(index.slotOfPhone("777")).isEqualTo(index.slotOf(2));
  }

  @Test
  void rewritingAPeerWithoutAUsernameDropsItFromTheMap() {
    PeerIndex index = PeerIndex.bounded(10);
    put(index, peer(1, 10, null, "gone"));
    put(index, peer(1, 11, null, "other"));
    assertThat(index.slotOfUsername("gone")).isEqualTo(-1);
  }

  @Test
  void peersDroppedAtTheBoundNoLongerAnswerTheirUsernameOrPhone() {
    PeerIndex index = PeerIndex.bounded(2);
    put(index, peer(1, 10, null, "one"));
    put(index, peer(2, 10, "777"));
    assertThat(index.slotOfUsername("one")).isNotNegative();
    assertThat(index.slotOfPhone("777")).isNotNegative();
    put(index, peer(3, 10, null));
    assertThat(index.slotOf(1)).isEqualTo(-1);
    assertThat(index.slotOf(2)).isEqualTo(-1);
    assertThat(index.slotOfUsername("one")).isEqualTo(-1);
    assertThat(index.slotOfPhone("777")).isEqualTo(-1);
    assertThat(index.slotOf(3)).isNotNegative();
  }

  @Test
  void clearingForgetsEveryEntryAndClaim() {
    PeerIndex index = PeerIndex.bounded(10);
    put(index, peer(1, 10, null, "one"));
    index.clear();
    assertThat(index.size()).isZero();
    assertThat(index.slotOf(1)).isEqualTo(-1);
    assertThat(index.slotOfUsername("one")).isEqualTo(-1);
  }

  /** Random puts and misses agree with a map that, like the index, starts afresh at the bound. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomPutsAndMissesAgreeWithAMapEmptiedAtTheBound(long seed) {
    Random r = new Random(seed);
    int bound = 1 + r.nextInt(new int[] {20, 600, 5000}[r.nextInt(3)]);
    int idSpace = 1 + r.nextInt(bound * 3);
    PeerIndex index = PeerIndex.bounded(bound);
    Map<Long, Peer> model = new HashMap<>();
    Set<Long> missing = new HashSet<>();
    for (int op = 0; op < 8000; op++) {
      long id = r.nextInt(8) == 0 ? ODD_IDS[r.nextInt(ODD_IDS.length)] : r.nextInt(idSpace);
      boolean known = model.containsKey(id) || missing.contains(id);
      if (!known && model.size() + missing.size() >= bound) {
        model.clear();
        missing.clear();
      }
      if (r.nextInt(5) == 0) {
        if (!known) {
          index.putMissing(id);
          missing.add(id);
        }
      } else {
        Peer p = new Peer(id, r.nextLong(), TYPES[r.nextInt(TYPES.length)], List.of(), null,
            r.nextInt(1 << 20));
        put(index, p);
        model.put(id, p);
        missing.remove(id);
      }
      assertThat(index.size()).isEqualTo(model.size() + missing.size())
          .isLessThanOrEqualTo(bound);
    }
    for (Map.Entry<Long, Peer> e : model.entrySet()) {
      int slot = index.slotOf(e.getKey());
      assertThat(index.lastUpdateOn(slot)).isEqualTo(e.getValue().lastUpdateOn());
      assertThat(index.inputPeer(slot)).isEqualTo(e.getValue().toInputPeer());
    }
    for (long id = -5; id < idSpace + 5; id++) {
      assertThat(index.slotOf(id) >= 0).isEqualTo(model.containsKey(id));
      assertThat(index.knownMissing(id)).isEqualTo(missing.contains(id));
    }
  }
}
