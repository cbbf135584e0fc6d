package dev.jgram.storage.index;

/**
 * A {@link PeerIndex}'s index from a marked peer id to its {@link PeerColumns} slot and kind:
 * an open-addressing {@code int[]} probed linearly, without deletion (peers are only ever
 * replaced, never removed one by one).
 *
 * <table>
 *   <caption>An entry ({@code 0} when the position is empty), in a table of 2^k
 *   positions</caption>
 *   <tr><th>bits</th><th>hold</th></tr>
 *   <tr><td>31-28</td><td>the kind, as in the columns' rows ({@link PeerColumns#kind})</td></tr>
 *   <tr><td>27-s</td><td>the id's tag: the low {@code 28 - s} bits of its hash, the top half
 *       of {@code id * 0x9E3779B97F4A7C15} (Fibonacci hashing)</td></tr>
 *   <tr><td>s-1 - 0</td><td>{@code slot + 1}, in {@code s = min(k, 28)} bits</td></tr>
 * </table>
 *
 * <p>The table holds at most 5/8 of its positions, so {@code slot + 1} is below 2^k and
 * fits; the bits a small table's slots do not need hold a longer tag. An id's home position
 * is the top k bits of its hash. A probe reads the id from the columns only where the tag
 * matches (up to a table of 2^24 positions, one occupied position in 16 or fewer elsewhere),
 * so looking up an id reads the index and, on a hit, the one row it needs anyway for the id
 * and access hash. The kind is in the entry so that an id lookup has it as soon as the entry
 * arrives, before the row does (read from the row, memory lookups by id took 20% longer each,
 * p50). Four bytes a position rather than eight: the table holds no full hash to resize from,
 * so a resize indexes the columns' ids again, reading them front to back. At 5/8 full a probe
 * seldom passes a position whose tag matches (at 80%, id lookups were 10% slower).
 *
 * <p>Every slot of the columns is indexed: a slot is appended, then its id added, before the
 * next slot; so a resize re-indexes the first {@link #size()} slots.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Reads never loop forever or
 * write, even on a torn view, so the engine may run them under an optimistic read.
 */
final class IdIndex {
  /** The bits of a {@link #find} answer, and of an entry, that hold the kind. */
  private static final int KIND_SHIFT = 28;
  /** The bits of an entry below the kind: tag and slot. */
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

  /**
   * What the index holds for {@code id}: its kind in bits 31-28 ({@link #kindOf}) and its slot
   * plus one below ({@link #slotOf}); 0 when {@code id} is not indexed.
   */
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
