package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cache's column store agrees with a map from id to entry under random use. */
class PeerSlotsTest {
  private static final PeerType[] TYPES = PeerType.values();
  /** Ids whose hashes are extreme, beside a small range that forces probe chains. */
  private static final long[] ODD_IDS = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE,
      PeerIds.markChannel(5), -400_000_001L, 1L << 32};

  private record Row(PeerType type, long hash, long time) {}

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomAddsSetsAndReassignmentsAgreeWithAMap(long seed) {
    Random r = new Random(seed);
    // Small bounds, and bounds past a chunk of 1024 slots.
    int limit = 1 + r.nextInt(new int[] {20, 600, 2600}[r.nextInt(3)]);
    int idSpace = 1 + r.nextInt(limit * 3);
    PeerSlots slots = new PeerSlots(limit);
    Map<Long, Row> model = new HashMap<>();
    List<Long> bySlot = new ArrayList<>();
    for (int op = 0; op < 8000; op++) {
      long id = r.nextInt(8) == 0 ? ODD_IDS[r.nextInt(ODD_IDS.length)] : r.nextInt(idSpace);
      Row row = new Row(TYPES[r.nextInt(TYPES.length)], r.nextLong(), r.nextInt(1 << 20));
      int slot = slots.slotOf(id);
      assertThat(slot >= 0).as("id %d present", id).isEqualTo(model.containsKey(id));
      if (slot >= 0) {
        slots.set(slot, row.type(), row.hash(), row.time());
      } else if (slots.size() < limit) {
        assertThat(slots.add(id, row.type(), row.hash(), row.time())).isEqualTo(bySlot.size());
        bySlot.add(id);
      } else {
        int victim = r.nextInt(limit);
        model.remove(bySlot.get(victim));
        slots.reassign(victim, id, row.type(), row.hash(), row.time());
        bySlot.set(victim, id);
      }
      model.put(id, row);
      if (r.nextInt(1000) == 0) {
        slots.clear();
        model.clear();
        bySlot.clear();
      }
    }
    assertThat(slots.size()).isEqualTo(model.size()).isLessThanOrEqualTo(limit);
    for (Map.Entry<Long, Row> e : model.entrySet()) {
      int slot = slots.slotOf(e.getKey());
      assertThat(slots.id(slot)).isEqualTo(e.getKey());
      assertThat(slots.lastUpdateOn(slot)).isEqualTo(e.getValue().time());
      assertThat(slots.input(slot)).isEqualTo(
          InputPeer.of(e.getKey(), e.getValue().type(), e.getValue().hash()));
    }
    for (long id = -5; id < idSpace + 5; id++) {
      assertThat(slots.slotOf(id) >= 0).isEqualTo(model.containsKey(id));
    }
  }
}
