package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a merge of the file engine's log asks of the index of logged peers: exactly the
 * written ids, sorted, and whether two of them hold one username. Seeded round trips against
 * plain sets.
 */
class PeerIndexKeysTest {
  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void itHoldsExactlyTheWrittenIdsWhileTheyGrow(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    PeerIndex logged = new PeerIndex();
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
  void aUsernameHeldByTwoPeersIsNoticedAndDistinctOnesAreNot(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    PeerIndex logged = new PeerIndex();
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
}
