package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.PeerIds;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The primitive-keyed map behind the peer cache behaves like a HashMap under random use. */
class LongKeyMapTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomPutsGetsAndRemovesMatchAHashMap(long seed) {
    Random random = new Random(seed);
    LongKeyMap<String> map = new LongKeyMap<>();
    Map<Long, String> model = new HashMap<>();
    // A small key space forces collisions, probe chains and backward shifts on removal.
    long[] keys = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, PeerIds.markChannel(5), 64, 128};
    for (int step = 0; step < 20_000; step++) {
      long key = random.nextInt(4) == 0 ? keys[random.nextInt(keys.length)]
          : random.nextInt(3000) - 1500;
      switch (random.nextInt(3)) {
        case 0 -> assertThat(map.put(key, "v" + step)).isEqualTo(model.put(key, "v" + step));
        case 1 -> assertThat(map.remove(key)).isEqualTo(model.remove(key));
        default -> assertThat(map.get(key)).isEqualTo(model.get(key));
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (Map.Entry<Long, String> e : model.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
  }
}
