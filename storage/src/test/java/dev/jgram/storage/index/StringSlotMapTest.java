package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
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
      if (r.nextInt(50) == 0) {
        map.reserve(r.nextInt(200));
      }
      if (r.nextInt(3) == 0) {
        map.removeIfSlot(key, slot);
        model.remove(key, slot);
      } else {
        map.put(key, slot);
        model.put(key, slot);
      }
    }
    assertThat(map.size()).isEqualTo(model.size());
    assertThat(map.size()).isLessThanOrEqualTo(map.capacity() / 5 * 4);
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

  @Test
  void putAnswersThePreviousSlotAndRemoveSaysWhetherItRemoved() {
    StringSlotMap map = new StringSlotMap();
    assertThat(map.put("Aa", 3)).isEqualTo(-1);
    assertThat(map.put("BB", 4)).isEqualTo(-1); // same hash code as "Aa"
    assertThat(map.put("Aa", 5)).isEqualTo(3);
    assertThat(map.removeIfSlot("Aa", 3)).isFalse();
    assertThat(map.removeIfSlot("Aa", 5)).isTrue();
    assertThat(map.removeIfSlot("Aa", 5)).isFalse();
    assertThat(map.get("BB")).isEqualTo(4);
  }

  @Test
  void theTableGrowsWhenAPutWouldPassEightyPercent() {
    StringSlotMap map = new StringSlotMap();
    for (int i = 0; i < 12; i++) {
      map.put("name" + i, i);
    }
    assertThat(map.capacity()).isEqualTo(16);
    map.put("name0", 99);
    assertThat(map.capacity()).isEqualTo(16);
    map.put("one more", 12);
    assertThat(map.capacity()).isEqualTo(32);
    assertThat(map.get("name0")).isEqualTo(99);
    for (int i = 1; i < 12; i++) {
      assertThat(map.get("name" + i)).isEqualTo(i);
    }
  }

  @Test
  void reserveGrowsOnceSoThatAWholeBatchGoesInWithoutAResize() {
    StringSlotMap map = new StringSlotMap();
    map.reserve(1000);
    assertThat(map.capacity()).isEqualTo(2048);
    for (int i = 0; i < 1000; i++) {
      map.put("user_" + i, i);
    }
    assertThat(map.capacity()).isEqualTo(2048);
    assertThat(map.get("user_999")).isEqualTo(999);
    assertThat(map.get("user_1000")).isEqualTo(-1);
  }

  @Test
  void slotsUpToTheLargestIntRoundTrip() {
    StringSlotMap map = new StringSlotMap();
    map.put("max", Integer.MAX_VALUE);
    map.put("zero", 0);
    assertThat(map.get("max")).isEqualTo(Integer.MAX_VALUE);
    assertThat(map.get("zero")).isZero();
    map.removeIfSlot("max", Integer.MAX_VALUE);
    assertThat(map.get("max")).isEqualTo(-1);
    assertThat(map.get("")).isEqualTo(-1);
  }
}
