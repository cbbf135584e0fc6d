package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The username and phone index behaves like a map under any sequence of puts and removes. */
class StringSlotMapTest {
  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomPutsAndRemovesAgreeWithAHashMap(long seed) {
    Random r = new Random(seed);
    StringSlotMap map = new StringSlotMap();
    Map<String, Integer> model = new HashMap<>();
    int keys = 1 + r.nextInt(r.nextBoolean() ? 30 : 3000);
    for (int op = 0; op < 2000; op++) {
      String key = "k" + r.nextInt(keys);
      int slot = r.nextInt(8);
      if (r.nextInt(3) == 0) {
        map.removeIfSlot(key, slot);
        model.remove(key, slot);
      } else {
        map.put(key, slot);
        model.put(key, slot);
      }
    }
    assertThat(map.size()).isEqualTo(model.size());
    for (int k = 0; k < keys; k++) {
      String key = "k" + k;
      assertThat(map.get(key)).as(key).isEqualTo(model.getOrDefault(key, -1));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void collidingKeysSurviveTheRemovalOfTheirNeighbours(long seed) {
    // "Aa" and "BB" share a hash code, so do all their concatenations: long probe chains.
    Random r = new Random(seed);
    String[] keys = new String[64];
    for (int i = 0; i < keys.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int bit = 0; bit < 6; bit++) {
        sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      keys[i] = sb.toString();
    }
    StringSlotMap map = new StringSlotMap();
    Map<String, Integer> model = new HashMap<>();
    for (int op = 0; op < 500; op++) {
      String key = keys[r.nextInt(keys.length)];
      if (r.nextBoolean()) {
        map.put(key, op);
        model.put(key, op);
      } else if (model.containsKey(key)) {
        map.removeIfSlot(key, model.remove(key));
      }
    }
    for (String key : keys) {
      assertThat(map.get(key)).isEqualTo(model.getOrDefault(key, -1));
    }
  }
}
