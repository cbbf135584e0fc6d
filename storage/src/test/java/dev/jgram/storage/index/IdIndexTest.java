package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The id index finds every id it was given, through every resize, and nothing else. */
class IdIndexTest {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final PeerColumns columns = new PeerColumns();
  private final IdIndex index = new IdIndex(columns);

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomIdsAgreeWithAHashMapThroughEveryResize(long seed) {
    Random r = new Random(seed);
    Map<Long, Integer> model = new HashMap<>();
    int count = 1 + r.nextInt(r.nextBoolean() ? 40 : 6000);
    long base = r.nextLong();
    for (int i = 0; i < count; i++) {
      long id = switch (r.nextInt(4)) {
        case 0 -> base + i;
        case 1 -> r.nextLong();
        case 2 -> r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(99) : Long.MAX_VALUE - r.nextInt(99);
        default -> r.nextInt(1000) - 500;
      };
      if (r.nextInt(10) == 0) {
        index.reserve(r.nextInt(300));
      }
      if (!model.containsKey(id)) {
        add(id, r.nextInt(5));
        model.put(id, columns.size() - 1);
      }
      assertThat(index.size()).isLessThanOrEqualTo(index.capacity() / 8 * 5);
    }
    assertThat(index.size()).isEqualTo(model.size());
    model.forEach((id, slot) -> assertThat(slotOf(id)).as("id %d", id).isEqualTo(slot));
    for (int k = 0; k < 1000; k++) {
      long absent = r.nextLong();
      if (!model.containsKey(absent)) {
        assertThat(index.slot(absent)).isEqualTo(-1);
      }
    }
  }

  @Test
  void idsWithTheSameHashAreToldApartByTheirRows() {
    // Products that share their top half share the hash; multiplying back gives the ids.
    long inverse = inverse(GOLDEN);
    long[] ids = new long[50];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (0x1234_5678_0000_0000L | i * 977L) * inverse;
      add(ids[i], i % 5);
    }
    for (int i = 0; i < ids.length; i++) {
      assertThat(slotOf(ids[i])).isEqualTo(i);
    }
    assertThat(index.slot((0x1234_5678_0000_0000L | 3L) * inverse)).isEqualTo(-1);
  }

  @Test
  void theTableGrowsWhenAnAddWouldPassFiveEighths() {
    for (int i = 0; i < 10; i++) {
      add(1000 + i, 0);
    }
    assertThat(index.capacity()).isEqualTo(16);
    add(2000, 0);
    assertThat(index.capacity()).isEqualTo(32);
    for (int i = 0; i < 10; i++) {
      assertThat(slotOf(1000 + i)).isEqualTo(i);
    }
  }

  @Test
  void reserveGrowsOnceSoThatAWholeBatchGoesInWithoutAResize() {
    index.reserve(1000);
    assertThat(index.capacity()).isEqualTo(2048);
    assertThat(index.size()).isZero();
    for (int i = 0; i < 1000; i++) {
      add(-7L * i, 1);
    }
    assertThat(index.capacity()).isEqualTo(2048);
    index.reserve(0);
    assertThat(index.capacity()).isEqualTo(2048);
  }

  @Test
  void aResizeIndexesTheColumnsAgainFromTheirIds() {
    for (int i = 0; i < 12; i++) {
      add(i * 31L, 2);
    }
    index.reserve(5000);
    assertThat(index.capacity()).isEqualTo(8192);
    for (int i = 0; i < 12; i++) {
      assertThat(slotOf(i * 31L)).isEqualTo(i);
    }
    assertThat(slotOf(31L * 12)).isEqualTo(-1);
  }

  @Test
  void idsSharingHomeAndTagAreFoundPastEachOther() {
    // Equal top 36 bits of the product: the same home at every capacity, and the same tag.
    long inverse = inverse(GOLDEN);
    for (int i = 0; i < 200; i++) {
      add((0xABCD_EF01_2000_0000L | i) * inverse, 0);
    }
    for (int i = 0; i < 200; i++) {
      assertThat(slotOf((0xABCD_EF01_2000_0000L | i) * inverse)).isEqualTo(i);
    }
    assertThat(slotOf((0xABCD_EF01_2000_0000L | 200) * inverse)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theKindComesWithTheSlotAndFollowsEveryChangeThroughResizes(long seed) {
    Random r = new Random(seed);
    Map<Long, Integer> kinds = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      long id = r.nextInt(2000) - 1000L * r.nextInt(3);
      int kind = r.nextInt(16);
      if (kinds.containsKey(id)) {
        columns.kind(index.slot(id), kind);
        index.kind(id, kind);
      } else {
        add(id, kind);
      }
      kinds.put(id, kind);
    }
    kinds.forEach((id, kind) -> {
      int found = index.find(id);
      assertThat(IdIndex.kindOf(found)).as("id %d", id).isEqualTo(kind);
      assertThat(IdIndex.slotOf(found)).isEqualTo(index.slot(id));
      assertThat(columns.id(IdIndex.slotOf(found))).isEqualTo(id);
    });
    assertThat(index.find(Long.MIN_VALUE + 12345)).isZero();
  }

  @Test
  void slotsTakeTheBitsTheirTableNeedsAndTheTagTheRestUpToAFullTable() {
    // At most 5/8 of 2^k positions are used, so slot + 1 < 2^k; the tag keeps 28 - k bits.
    assertThat(IdIndex.slotBits(16)).isEqualTo(4);
    assertThat(IdIndex.slotBits(1 << 18)).isEqualTo(18);
    assertThat(IdIndex.slotBits(1 << 24)).isEqualTo(24);
    assertThat(IdIndex.slotBits(1 << 28)).isEqualTo(28);
    assertThat(IdIndex.slotBits(1 << 30)).isEqualTo(28);
    assertThat((long) PeerIndex.MAX_PEERS + 1).isLessThan(1L << 28);
  }

  private void add(long id, int kind) {
    index.add(id, columns.append(id, kind), kind);
  }

  private int slotOf(long id) {
    return index.slot(id);
  }

  /** The inverse of an odd number modulo 2^64, by Newton's iteration. */
  private static long inverse(long odd) {
    long x = odd;
    for (int i = 0; i < 6; i++) {
      x *= 2 - odd * x;
    }
    assertThat(x * odd).isEqualTo(1);
    return x;
  }
}
