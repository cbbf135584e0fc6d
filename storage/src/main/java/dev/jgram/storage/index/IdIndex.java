package dev.jgram.storage.index;


/**
 * A {@link PeerIndex}'s index from a marked peer id to its {@link PeerColumns} slot: an
 * open-addressing {@code long[]} probed linearly, without deletion (peers are only ever
 * replaced, never removed one by one).
 *
 * <table>
 *   <caption>An entry ({@code 0} when the position is empty)</caption>
 *   <tr><th>bits</th><th>hold</th></tr>
 *   <tr><td>63-32</td><td>the id's tag: the top half of {@code id * 0x9E3779B97F4A7C15}
 *       (Fibonacci hashing)</td></tr>
 *   <tr><td>31-28</td><td>the slot's kind, as in {@link PeerColumns}</td></tr>
 *   <tr><td>27-0</td><td>{@code slot + 1}</td></tr>
 * </table>
 *
 * <p>An id's home position is the top bits of its tag. A probe compares tags and reads the
 * id from the columns only when they match, so looking up or adding an id reads the index
 * and, on a hit, the one row it needs; the kind in the entry lets an id lookup answer
 * without reading the kinds column. The table is ordered by tag (apart from probe runs), so
 * a resize reads the old table and writes the new one front to back, from the tags alone.
 * It holds at most 80% of its positions: with tags, a longer probe run costs only the
 * neighbouring entries of the same cache line or the next.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Reads never loop forever or write,
 * even on a torn view, so the engine may run them under an optimistic read.
 */
final class IdIndex {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int SLOT_BITS = 0x0fff_ffff;
  private static final long KIND_BITS = 0xf000_0000L;
  private static final int MIN_CAPACITY = 16;

  private long[] entries = new long[MIN_CAPACITY];
  private int size;

  /** How many ids are indexed. */
  int size() {
    return size;
  }

  /** How many positions the table has (a power of two). */
  int capacity() {
    return entries.length;
  }

  /** Where {@code id}'s entry sits, or -1; ids are compared with those in {@code columns}. */
  int position(long id, PeerColumns columns) {
    int tag = tag(id);
    long[] table = entries;
    int mask = table.length - 1;
    int i = tag >>> Integer.numberOfLeadingZeros(mask);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      long entry = table[i];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) == tag && columns.id(slot(entry)) == id) {
        return i;
      }
    }
    return -1;
  }

  /** The entry at {@code position}. */
  long entryAt(int position) {
    return entries[position];
  }

  /** Adds {@code id}, which is not indexed yet, for {@code slot} of {@code kind}. */
  void add(long id, int slot, int kind) {
    if (size >= maxSize(entries.length)) {
      resize(entries.length * 2);
    }
    int tag = tag(id);
    int mask = entries.length - 1;
    int i = tag >>> Integer.numberOfLeadingZeros(mask);
    while (entries[i] != 0) {
      i = (i + 1) & mask;
    }
    entries[i] = entry(tag, slot, kind);
    size++;
  }

  /** Records a new kind in the entry at {@code position}. */
  void kind(int position, int kind) {
    entries[position] = (entries[position] & ~KIND_BITS) | ((long) (kind & 0x0f) << 28);
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
    long[] table = entries;
    return table[tag(id) >>> Integer.numberOfLeadingZeros(table.length - 1)];
  }

  /** The slot in an entry. */
  static int slot(long entry) {
    return ((int) entry & SLOT_BITS) - 1;
  }

  /** The kind in an entry. */
  static int kind(long entry) {
    return ((int) entry >>> 28) & 0x0f;
  }

  private static int tag(long id) {
    return (int) ((id * GOLDEN) >>> 32);
  }

  private static long entry(int tag, int slot, int kind) {
    return ((long) tag << 32) | (((kind << 28) | (slot + 1)) & 0xffff_ffffL);
  }

  private static int maxSize(int capacity) {
    return capacity / 5 * 4;
  }

  /** Rehashes into {@code capacity} positions from the stored tags, front to back. */
  private void resize(int capacity) {
    long[] old = entries;
    long[] table = new long[capacity];
    int mask = capacity - 1;
    int shift = Integer.numberOfLeadingZeros(mask);
    for (long entry : old) {
      if (entry != 0) {
        int i = (int) (entry >>> 32) >>> shift;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = entry;
      }
    }
    entries = table;
  }
}
