package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded round trips of {@link LoggedKeys} against a plain set of what was added. */
class LoggedKeysTest {
  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void itHoldsExactlyTheAddedIdsWhileTheyGrowPastItsSortedIndex(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LoggedKeys keys = new LoggedKeys(r.nextInt(1, 64));
    Set<Long> added = new HashSet<>();
    int rows = r.nextInt(1, 20_000);
    long range = rows * 3L;
    for (int i = 0; i < rows; i++) {
      long id = r.nextLong(range) - range / 2;
      keys.add(id, List.of());
      added.add(id);
      if (r.nextInt(50) == 0) {
        for (int q = 0; q < 20; q++) {
          long probe = r.nextLong(range) - range / 2;
          assertThat(keys.mayHold(probe)).as("seed %d id %d", seed, probe)
              .isEqualTo(added.contains(probe));
        }
      }
    }
    for (long id : added) {
      assertThat(keys.mayHold(id)).isTrue();
    }
    long[] sorted = keys.sortedIds();
    assertThat(sorted).hasSize(rows).isSorted();
    assertThat(LoggedKeys.repeats(sorted)).isEqualTo(added.size() < rows);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aUsernameAddedTwiceIsNoticedAndDistinctOnesAreNot(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LoggedKeys keys = new LoggedKeys(4);
    Set<String> seen = new HashSet<>();
    boolean repeated = false;
    for (int i = 0, n = r.nextInt(1, 5_000); i < n; i++) {
      List<String> names = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        String name = "u" + r.nextInt(seed % 2 == 0 ? 1_000_000_000 : 2_000);
        names.add(name);
        repeated |= !seen.add(name);
      }
      keys.add(i, names);
    }
    assertThat(keys.mayRepeatNames()).isEqualTo(repeated);
  }

  @Test
  void theHashTellsApartNamesThatDifferInOneCharacterOrInOrder() {
    assertThat(LoggedKeys.hash("alice")).isNotEqualTo(LoggedKeys.hash("alicf"))
        .isNotEqualTo(LoggedKeys.hash("ecila")).isNotEqualTo(LoggedKeys.hash("alice_"));
  }
}
