package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a merge of the file engine's log asks of the index of logged peers: exactly the
 * written ids, sorted, and whether two of them hold one username. Seeded round trips against
 * plain sets.
 */
class PeerIndexKeysTest {
  /** Each seed with an index that claims keys as it is written, and with a keys-on-demand one. */
  static Stream<Arguments> seeds() {
    return LongStream.range(0, 40).boxed()
        .flatMap(seed -> Stream.of(Arguments.of(seed, false), Arguments.of(seed, true)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void itHoldsExactlyTheWrittenIdsWhileTheyGrow(long seed, boolean keysOnDemand) {
    SplittableRandom r = new SplittableRandom(seed);
    PeerIndex logged = keysOnDemand ? PeerIndex.keysOnDemand() : new PeerIndex();
    Set<Long> added = new HashSet<>();
    int rows = r.nextInt(1, 20_000);
    long range = rows * 3L;
    for (int i = 0; i < rows; i++) {
      long id = r.nextLong(range) - range / 2;
      logged.putAll(new Peer[] {new Peer(id, 1L, PeerType.USER, List.of(), null, i)}, 0, true);
      added.add(id);
      if (r.nextInt(50) == 0) {
        for (int q = 0; q < 20; q++) {
          long probe = r.nextLong(range) - range / 2;
          assertThat(logged.slotOf(probe) >= 0).as("seed %d id %d", seed, probe)
              .isEqualTo(added.contains(probe));
        }
      }
    }
    for (long id : added) {
      assertThat(logged.slotOf(id)).isNotNegative();
    }
    assertThat(logged.sortedIds())
        .isEqualTo(added.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aUsernameHeldByTwoPeersIsNoticedAndDistinctOnesAreNot(long seed, boolean keysOnDemand) {
    SplittableRandom r = new SplittableRandom(seed);
    PeerIndex logged = keysOnDemand ? PeerIndex.keysOnDemand() : new PeerIndex();
    Map<String, Long> holders = new HashMap<>();
    boolean repeated = false;
    for (int i = 0, n = r.nextInt(1, 5_000); i < n; i++) {
      List<String> names = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        String name = "u" + r.nextInt(seed % 2 == 0 ? 1_000_000_000 : 2_000);
        names.add(name);
        Long before = holders.put(name, (long) i);
        repeated |= before != null && before != i;
      }
      logged.putAll(new Peer[] {new Peer(i, 1L, PeerType.USER, names, null, 0)}, 0, true);
    }
    assertThat(logged.usernamesMayRepeat()).isEqualTo(repeated);
  }

  @Test
  void aKeysOnDemandIndexClaimsNoKeyUntilAskedByOneAndThenKeepsItsClaims() {
    PeerIndex logged = PeerIndex.keysOnDemand();
    logged.putAll(new Peer[] {new Peer(1, 11L, PeerType.USER, List.of("a"), "555", 10),
        new Peer(2, 22L, PeerType.BOT, List.of("a", "b"), null, 20)}, 0, true);
    assertThat(logged.keysIndexed()).isFalse();
    assertThat(logged.inputPeerById(1)).isEqualTo(new InputPeer.User(1, 11));
    assertThat(logged.peer(logged.slotOf(2)).usernames()).containsExactly("a", "b");
    assertThat(logged.keysIndexed()).as("asked by id only").isFalse();

    assertThat(logged.slotOfUsername("a")).isEqualTo(logged.slotOf(2));
    assertThat(logged.keysIndexed()).isTrue();
    assertThat(logged.slotOfPhone("555")).isEqualTo(logged.slotOf(1));
    logged.putAll(new Peer[] {new Peer(3, 33L, PeerType.USER, List.of("a"), "555", 30),
        new Peer(2, 22L, PeerType.BOT, List.of(), null, 40)}, 0, true);
    assertThat(logged.slotOfUsername("a")).isEqualTo(logged.slotOf(3));
    assertThat(logged.slotOfUsername("b")).isEqualTo(-1);
    assertThat(logged.slotOfPhone("555")).isEqualTo(logged.slotOf(3));
    assertThat(logged.usernamesMayRepeat()).isTrue();

    logged.clear();
    assertThat(logged.keysIndexed()).isFalse();
    assertThat(logged.slotOfUsername("a")).isEqualTo(-1);
    PeerIndex eager = new PeerIndex();
    eager.clear();
    assertThat(eager.keysIndexed()).isTrue();
  }
}
