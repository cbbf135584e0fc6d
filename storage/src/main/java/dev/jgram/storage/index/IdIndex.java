package dev.jgram.storage.index;

/**
 * A {@link PeerIndex}'s index from a marked peer id to its {@link PeerColumns} slot: an
 * open-addressing {@code int[]} probed linearly, without deletion (peers are only ever
 * replaced, never removed one by one).
 *
 * <table>
 *   <caption>An entry ({@code 0} when the position is empty)</caption>
 *   <tr><th>bits</th><th>hold</th></tr>
 *   <tr><td>31-28</td><td>the id's tag: the low 4 bits of its hash, the top half of
 *       {@code id * 0x9E3779B97F4A7C15} (Fibonacci hashing)</td></tr>
 *   <tr><td>27-0</td><td>{@code slot + 1}</td></tr>
 * </table>
 *
 * <p>An id's home position is the top bits of its hash. A probe reads the id from the
 * columns only where the tag matches (one occupied position in 16 elsewhere), so looking up
 * an id reads the index and, on a hit, the one row it needs anyway (id, access hash and kind
 * share a cache line). Four bytes a position rather than eight: the table holds no hash to
 * resize from, so a resize indexes the columns' ids again, reading them front to back. It
 * holds at most 5/8 of its positions, so that a probe seldom passes a position whose tag
 * matches (at 80%, as with the 32-bit tags it had, id lookups were 10% slower).
 *
 * <p>Every slot of the columns is indexed: a slot is appended, then its id added, before the
 * next slot; so a resize re-indexes the first {@link #size()} slots.
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

  /** The slot of {@code id}, or -1. */
  int slot(long id) {
    int hash = hash(id);
    int tag = hash << 28;
    int[] table = entries;
    int mask = table.length - 1;
    int i = hash >>> Integer.numberOfLeadingZeros(mask);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      int entry = table[i];
      if (entry == 0) {
        return -1;
      }
      if ((entry & ~SLOT_BITS) == tag && columns.id((entry & SLOT_BITS) - 1) == id) {
        return (entry & SLOT_BITS) - 1;
      }
    }
    return -1;
  }

  /** Adds {@code id}, which is not indexed yet, for {@code slot}, the columns' newest slot. */
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
  int touch(long id) {
    int[] table = entries;
    return table[hash(id) >>> Integer.numberOfLeadingZeros(table.length - 1)];
  }

  /** Stores the entry of {@code id} for {@code slot} in the first free position from its home. */
  private static void insert(int[] table, long id, int slot) {
    int hash = hash(id);
    int mask = table.length - 1;
    int i = hash >>> Integer.numberOfLeadingZeros(mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = hash << 28 | (slot + 1);
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
      insert(table, columns.id(slot), slot);
    }
    entries = table;
  }
}
