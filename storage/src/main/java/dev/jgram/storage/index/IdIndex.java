package dev.jgram.storage.index;

/**
 * A {@link PeerIndex}'s index from a marked peer id to its {@link PeerColumns} slot and kind:
 * an open-addressing {@code int[]} of 2^k positions probed linearly, without deletion (peers
 * are replaced, never removed one by one). An entry (0 when empty) holds the kind in bits
 * 31-28, then a tag (the low bits of the id's hash, the top half of
 * {@code id * 0x9E3779B97F4A7C15}), then {@code slot + 1} in its low {@code min(k, 28)} bits:
 * at most 5/8 of the positions are used, so that fits, and a small table's spare bits make a
 * longer tag. The home position is the top k bits of the hash; a probe reads a row's id only
 * where the tag matches. With the kind in the entry an id lookup has it before the row
 * arrives (read from the row, memory lookups by id took 20% longer each, p50). A resize
 * indexes the columns' ids again, front to back: every slot is added before the next.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Reads never loop forever or
 * write, even on a torn view, so the engine may run them under an optimistic read.
 */
final class IdIndex {
  /** Where the kind starts in an entry and in a {@link #find} answer, and the bits below. */
  private static final int KIND_SHIFT = 28;
  private static final int BELOW_KIND = (1 << KIND_SHIFT) - 1;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int MIN_CAPACITY = 16;

  private final PeerColumns columns;
  private int[] entries = new int[MIN_CAPACITY];
  private int size;

  /** An empty index of the ids in {@code columns}. */
  IdIndex(PeerColumns columns) {
    this.columns = columns;
  }

  /** How many ids are indexed. */
  int size() {
    return size;
  }

  /** How many positions the table has (a power of two). */
  int capacity() {
    return entries.length;
  }

  /** The kind ({@link #kindOf}) and slot ({@link #slotOf}) of {@code id}; 0 if it is absent. */
  int find(long id) {
    int hash = hash(id);
    int[] table = entries;
    int mask = table.length - 1;
    int slotBits = slotBits(table.length);
    int slotMask = (1 << slotBits) - 1;
    int tagMask = BELOW_KIND & ~slotMask;
    int tag = (hash << slotBits) & tagMask;
    int i = hash >>> Integer.numberOfLeadingZeros(mask);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      int entry = table[i];
      if (entry == 0) {
        return 0;
      }
      if ((entry & tagMask) == tag && columns.id((entry & slotMask) - 1) == id) {
        return entry & ~tagMask;
      }
    }
    return 0;
  }

  /** The slot in a {@link #find} answer other than 0. */
  static int slotOf(int found) {
    return (found & BELOW_KIND) - 1;
  }

  /** The kind in a {@link #find} answer other than 0. */
  static int kindOf(int found) {
    return found >>> KIND_SHIFT;
  }

  /** The slot of {@code id}, or -1. */
  int slot(long id) {
    int found = find(id);
    return found == 0 ? -1 : slotOf(found);
  }

  /** Adds {@code id}, which is not indexed yet, for {@code slot}, the columns' newest slot. */
  void add(long id, int slot, int kind) {
    if (size >= maxSize(entries.length)) {
      resize(entries.length * 2);
    }
    insert(entries, id, slot, kind);
    size++;
  }

  /** Sets the kind of {@code id}, which is indexed. */
  void kind(long id, int kind) {
    int[] table = entries;
    int mask = table.length - 1;
    int slotMask = (1 << slotBits(table.length)) - 1;
    for (int i = hash(id) >>> Integer.numberOfLeadingZeros(mask); ; i = (i + 1) & mask) {
      int entry = table[i];
      if (entry != 0 && columns.id((entry & slotMask) - 1) == id) {
        table[i] = (entry & BELOW_KIND) | kind << KIND_SHIFT;
        return;
      }
    }
  }

  /** Grows ahead so that {@code more} ids can be added without a resize on the way. */
  void reserve(int more) {
    long needed = (long) size + more;
    int capacity = entries.length;
    while (needed > maxSize(capacity) && capacity < (1 << 30)) {
      capacity *= 2;
    }
    if (capacity != entries.length) {
      resize(capacity);
    }
  }

  /** Reads the home position of {@code id}, to have its cache line at hand for the next use. */
  int touch(long id) {
    int[] table = entries;
    return table[hash(id) >>> Integer.numberOfLeadingZeros(table.length - 1)];
  }

  /** How many low bits of an entry hold {@code slot + 1} in a table of {@code capacity}. */
  static int slotBits(int capacity) {
    return Math.min(Integer.numberOfTrailingZeros(capacity), KIND_SHIFT);
  }

  /** Stores the entry for {@code slot} in the first free position from the home of {@code id}. */
  private static void insert(int[] table, long id, int slot, int kind) {
    int hash = hash(id);
    int mask = table.length - 1;
    int slotBits = slotBits(table.length);
    int i = hash >>> Integer.numberOfLeadingZeros(mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = kind << KIND_SHIFT | ((hash << slotBits) & BELOW_KIND) | (slot + 1);
  }

  private static int hash(long id) {
    return (int) ((id * GOLDEN) >>> 32);
  }

  private static int maxSize(int capacity) {
    return capacity / 8 * 5;
  }

  /** Indexes the first {@link #size()} slots' ids again, in {@code capacity} positions. */
  private void resize(int capacity) {
    int[] table = new int[capacity];
    for (int slot = 0; slot < size; slot++) {
      insert(table, columns.id(slot), slot, columns.kind(slot));
    }
    entries = table;
  }
}
