package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked peer columns keep every slot's fields across every way they grow. */
class PeerColumnsTest {
  private final PeerColumns columns = new PeerColumns();

  @Test
  void theFirstChunkDoublesUpToFullSizeThenWholeChunksAreAdded() {
    int expected = 16;
    for (int slot = 0; slot < 3 * PeerColumns.CHUNK + 1; slot++) {
      if (slot == expected) {
        expected = expected < PeerColumns.CHUNK ? 2 * expected : expected + PeerColumns.CHUNK;
      }
      columns.append(slot, 0);
      assertThat(columns.capacity()).as("after slot %d", slot).isEqualTo(expected);
    }
    assertThat(columns.capacity()).isEqualTo(4 * PeerColumns.CHUNK);
  }

  @Test
  void everySlotReadsBackAcrossChunkBoundaries() {
    Random r = new Random(11);
    int n = 2 * PeerColumns.CHUNK + 77;
    long[][] expected = new long[n][];
    Object[] names = new Object[n];
    String[] phones = new String[n];
    for (int slot = 0; slot < n; slot++) {
      expected[slot] = new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextInt(16)};
      names[slot] = switch (r.nextInt(3)) {
        case 0 -> null;
        case 1 -> "n" + slot;
        default -> List.of("a" + slot, "b" + slot);
      };
      phones[slot] = r.nextBoolean() ? null : Integer.toString(slot);
      assertThat(columns.append(expected[slot][0], (int) expected[slot][3])).isEqualTo(slot);
      columns.set(slot, expected[slot][1], expected[slot][2], names[slot], phones[slot]);
    }
    for (int slot = 0; slot < n; slot++) {
      assertThat(columns.id(slot)).isEqualTo(expected[slot][0]);
      assertThat(columns.accessHash(slot)).isEqualTo(expected[slot][1]);
      assertThat(columns.lastUpdateOn(slot)).isEqualTo(expected[slot][2]);
      assertThat(columns.kind(slot)).isEqualTo((int) expected[slot][3]);
      assertThat(columns.names(slot)).isEqualTo(names[slot]);
      assertThat(columns.phone(slot)).isEqualTo(phones[slot]);
    }
    long[] ids = Arrays.stream(expected).mapToLong(row -> row[0]).sorted().toArray();
    assertThat(columns.sortedIds()).containsExactly(ids);
  }

  @Test
  void reserveGrowsAheadWithoutTakingSlots() {
    columns.reserve(PeerColumns.CHUNK + 1);
    assertThat(columns.size()).isZero();
    assertThat(columns.capacity()).isEqualTo(2 * PeerColumns.CHUNK);
    for (int slot = 0; slot < PeerColumns.CHUNK + 1; slot++) {
      columns.append(-slot, 1);
    }
    assertThat(columns.capacity()).isEqualTo(2 * PeerColumns.CHUNK);
    assertThat(columns.id(PeerColumns.CHUNK)).isEqualTo(-PeerColumns.CHUNK);
    assertThat(columns.kind(PeerColumns.CHUNK)).isEqualTo(1);
  }

  @Test
  void aKindCanBeRewrittenInPlace() {
    columns.append(5, 3);
    columns.kind(0, 3 | PeerColumns.NO_HASH);
    assertThat(columns.kind(0)).isEqualTo(3 | PeerColumns.NO_HASH);
    assertThat(columns.id(0)).isEqualTo(5);
  }

  @Test
  void aRewriteKeepsTheKindAndAKindChangeKeepsTheWriteOrder() {
    columns.append(5, PeerColumns.MISSING);
    columns.append(6, 2 | PeerColumns.NO_HASH);
    columns.set(1, 0, 100, null, null);
    columns.set(0, 9, 100, null, null);
    assertThat(columns.kind(0)).isEqualTo(PeerColumns.MISSING);
    assertThat(columns.kind(1)).isEqualTo(2 | PeerColumns.NO_HASH);
    assertThat(columns.newer(0, 1)).isTrue();
    columns.kind(0, 1);
    columns.kind(1, PeerColumns.MISSING | PeerColumns.NO_HASH);
    assertThat(columns.newer(0, 1)).isTrue();
    assertThat(columns.writeSeq(0)).isEqualTo(2);
    assertThat(columns.kind(1)).isEqualTo(PeerColumns.MISSING | PeerColumns.NO_HASH);
    assertThat(columns.id(0)).isEqualTo(5);
    assertThat(columns.accessHash(0)).isEqualTo(9);
  }

  @Test
  void anEmptyTableHoldsNoChunkUntilItsFirstSlot() {
    assertThat(columns.capacity()).isZero();
    columns.append(1, 0);
    assertThat(columns.capacity()).isEqualTo(16);
  }

  @Test
  void storedNamesReadBackAsAList() {
    assertThat(PeerColumns.usernameList(null)).isEmpty();
    assertThat(PeerColumns.usernameList("one")).containsExactly("one");
    assertThat(PeerColumns.usernameList(List.of("a", "b"))).containsExactly("a", "b");
  }

  @Test
  void theNewerEntryHasTheLaterTimestampOrTheSameOneWrittenLater() {
    columns.append(1, 0);
    columns.append(2, 0);
    columns.set(0, 0, 50, null, null);
    columns.set(1, 0, 40, null, null);
    assertThat(columns.newer(0, 1)).isTrue();
    assertThat(columns.newer(1, 0)).isFalse();
    columns.set(1, 0, 50, null, null);
    assertThat(columns.writeSeq(1)).isGreaterThan(columns.writeSeq(0));
    assertThat(columns.newer(1, 0)).isTrue();
    columns.set(0, 0, 50, null, null);
    assertThat(columns.newer(0, 1)).isTrue();
    assertThat(columns.newer(0, 0)).isFalse();
  }

  @Test
  void timestampsOutsideThirtyTwoBitsReadBackWholeAndCompareInFull() {
    long[] times = {0, 1, 0xffff_fffeL, 0xffff_ffffL, 0x1_0000_0000L, -1, Long.MIN_VALUE,
        Long.MAX_VALUE, 1_700_000_000L};
    for (int slot = 0; slot < PeerColumns.CHUNK + 40; slot++) {
      columns.append(slot, 1);
      columns.set(slot, slot, times[slot % times.length], null, null);
    }
    for (int slot = 0; slot < PeerColumns.CHUNK + 40; slot++) {
      assertThat(columns.lastUpdateOn(slot)).as("slot %d", slot)
          .isEqualTo(times[slot % times.length]);
      assertThat(columns.kind(slot)).isEqualTo(1);
      assertThat(columns.accessHash(slot)).isEqualTo(slot);
    }
    assertThat(columns.newer(3, 2)).isTrue(); // 2^32 - 1 after 2^32 - 2
    assertThat(columns.newer(5, 0)).isFalse(); // -1 before 0
    assertThat(columns.newer(7, 4)).isTrue(); // MAX_VALUE after 2^32
    columns.set(3, 0, 5, null, null);
    assertThat(columns.lastUpdateOn(3)).isEqualTo(5);
  }

  @Test
  void theWriteSequenceIsNumberedAgainInTheSameOrderWhenItWouldOverflow() {
    for (int slot = 0; slot < 5; slot++) {
      columns.append(slot, 2);
    }
    columns.writes(PeerColumns.MAX_SEQ - 3);
    for (int slot : new int[] {3, 0, 4}) {
      columns.set(slot, 7, 100, null, null);
    }
    assertThat(columns.writeSeq(4)).isEqualTo(PeerColumns.MAX_SEQ);
    columns.set(1, 7, 100, null, null); // slots 1 and 2 (never set) first, then 3, 0, 4, 1
    int[] order = {2, 3, 0, 4, 1};
    for (int i = 0; i < order.length; i++) {
      assertThat(columns.writeSeq(order[i])).isEqualTo(i + 2);
    }
    for (int i = 2; i < order.length; i++) {
      assertThat(columns.newer(order[i], order[i - 1])).isTrue();
    }
    assertThat(columns.kind(1)).isEqualTo(2);
    assertThat(columns.lastUpdateOn(1)).isEqualTo(100);
    assertThat(columns.accessHash(1)).isEqualTo(7);
  }
}
