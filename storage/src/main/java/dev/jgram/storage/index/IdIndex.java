package dev.jgram.storage.index;


/**
 * A {@link PeerIndex}'s index from a marked peer id to its {@link PeerColumns} slot: an
 * open-addressing {@code int[]} probed linearly, without deletion (peers are only ever
 * replaced, never removed one by one).
 *
 * <table>
 *   <caption>An entry ({@code 0} when the position is empty)</caption>
 *   <tr><th>bits</th><th>hold</th></tr>
 *   <tr><td>31-28</td><td>the id's tag: bits 28-31 of {@code id * 0x9E3779B97F4A7C15}</td></tr>
 *   <tr><td>27-0</td><td>{@code slot + 1}</td></tr>
 * </table>
 *
 * <p>An id's home position is the top bits of the same product (Fibonacci hashing), which the
 * tag does not overlap. A probe compares tags and reads the id from the columns only when they
 * match (one time in 16 for another id), so looking up or adding an id reads the index and,
 * on a hit, the one row it needs, which holds the kind too. Four bytes an entry keep the table
 * half the size a {@code long} entry would. It holds at most 80% of its positions. The slots
 * indexed are always {@code 0 .. size - 1} (each slot is added as its columns take it), so a
 * resize rebuilds the table from the columns' ids, read front to back.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Reads never loop forever or write,
 * even on a torn view, so the engine may run them under an optimistic read.
 */
final class IdIndex {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int SLOT_BITS = 0x0fff_ffff;
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

  /** Where {@code id}'s entry sits, or -1. */
  int position(long id) {
    long hash = id * GOLDEN;
    int tag = tag(hash);
    int[] table = entries;
    int mask = table.length - 1;
    int i = home(hash, mask);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      int entry = table[i];
      if (entry == 0) {
        return -1;
      }
      if ((entry & ~SLOT_BITS) == tag && columns.id(slot(entry)) == id) {
        return i;
      }
    }
    return -1;
  }

  /** The entry at {@code position}. */
  int entryAt(int position) {
    return entries[position];
  }

  /** Adds {@code id}, which is not indexed yet, for {@code slot}, the next slot to index. */
  void add(long id, int slot) {
    if (size >= maxSize(entries.length)) {
      resize(entries.length * 2);
    }
    insert(entries, id, slot);
    size++;
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
  long touch(long id) {
    int[] table = entries;
    return table[home(id * GOLDEN, table.length - 1)];
  }

  /** The slot in an entry. */
  static int slot(int entry) {
    return (entry & SLOT_BITS) - 1;
  }

  private static int tag(long hash) {
    return (int) hash & ~SLOT_BITS;
  }

  private static int home(long hash, int mask) {
    return (int) (hash >>> 32) >>> Integer.numberOfLeadingZeros(mask);
  }

  private static int maxSize(int capacity) {
    return capacity / 5 * 4;
  }

  private static void insert(int[] table, long id, int slot) {
    long hash = id * GOLDEN;
    int mask = table.length - 1;
    int i = home(hash, mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = tag(hash) | (slot + 1);
  }

  /** Rebuilds the table in {@code capacity} positions from the ids of slots 0 to size - 1. */
  private void resize(int capacity) {
    int[] table = new int[capacity];
    for (int slot = 0; slot < size; slot++) {
      insert(table, columns.id(slot), slot);
    }
    entries = table;
  }
}
