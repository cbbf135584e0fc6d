package dev.jgram.storage.index;

/**
 * An open-addressing hash map from a string to a non-negative int (a slot in its owner's peer
 * arrays), with linear probing and backward-shift deletion, and no per-entry objects.
 *
 * <table>
 *   <caption>Arrays (one entry per table position)</caption>
 *   <tr><th>array</th><th>holds</th></tr>
 *   <tr><td>{@code long[] entries}</td><td>0 when the position is empty; else the key's mixed
 *       hash in the high 32 bits and {@code slot + 1} in the low 32 bits</td></tr>
 *   <tr><td>{@code String[] keys}</td><td>the key (the caller keeps the string anyway)</td></tr>
 * </table>
 *
 * <p>The hash beside the slot lets a probe skip other keys without reading their strings, and
 * lets a resize move entries without reading any string at all. A key's home position is the
 * top bits of its mixed hash, so the table is ordered by hash (apart from probe runs): a
 * resize reads the old table and writes the new one front to back, a stream rather than
 * scattered writes. It holds at most 80% of its positions (as the id index does).
 *
 * <p>Not thread-safe; its owner guards it. Reads never loop forever or write,
 * even on a torn view of the arrays.
 */
final class StringSlotMap {
  private static final int MIN_CAPACITY = 16;

  private long[] entries = new long[MIN_CAPACITY];
  private String[] keys = new String[MIN_CAPACITY];
  private int size;

  /** The slot stored for {@code key}, or -1. */
  public int get(String key) {
    int h = mix(key);
    long[] e = entries;
    String[] k = keys;
    int mask = e.length - 1;
    int i = home(h, mask);
    for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
      long entry = e[i];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) == h && key.equals(k[i])) {
        return (int) entry - 1;
      }
    }
    return -1;
  }

  /** Maps {@code key} to {@code slot}, replacing any previous slot; returns that slot, or -1. */
  public int put(String key, int slot) {
    int h = mix(key);
    long entry = ((long) h << 32) | (slot + 1L);
    int mask = entries.length - 1;
    int i = home(h, mask);
    for (long e; (e = entries[i]) != 0; i = (i + 1) & mask) {
      if ((int) (e >>> 32) == h && key.equals(keys[i])) {
        entries[i] = entry;
        return (int) e - 1;
      }
    }
    if (size >= maxSize(entries.length)) {
      resize(entries.length * 2);
      i = firstFree(entries, h);
    }
    entries[i] = entry;
    keys[i] = key;
    size++;
    return -1;
  }

  /** Makes room for {@code more} new keys, so that they go in without a resize. */
  public void reserve(int more) {
    long needed = (long) size + more;
    int capacity = entries.length;
    while (needed > maxSize(capacity) && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    if (capacity != entries.length) {
      resize(capacity);
    }
  }

  /** Removes {@code key} if it is mapped to {@code slot}; says whether it did. */
  public boolean removeIfSlot(String key, int slot) {
    int h = mix(key);
    long wanted = ((long) h << 32) | (slot + 1L);
    int mask = entries.length - 1;
    for (int i = home(h, mask); entries[i] != 0; i = (i + 1) & mask) {
      if ((int) (entries[i] >>> 32) == h && key.equals(keys[i])) {
        if (entries[i] == wanted) {
          deleteAt(i, mask);
          return true;
        }
        return false;
      }
    }
    return false;
  }

  /** How many keys are mapped. */
  int size() {
    return size;
  }

  /** How many positions the table has (a power of two). */
  int capacity() {
    return entries.length;
  }

  /** Shifts back the entries that probed past {@code i}, so no probe chain is broken. */
  private void deleteAt(int i, int mask) {
    int hole = i;
    for (int j = (i + 1) & mask; entries[j] != 0; j = (j + 1) & mask) {
      int home = home((int) (entries[j] >>> 32), mask);
      boolean staysPut = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!staysPut) {
        entries[hole] = entries[j];
        keys[hole] = keys[j];
        hole = j;
      }
    }
    entries[hole] = 0;
    keys[hole] = null;
    size--;
  }

  /** Rehashes into {@code capacity} positions from the stored hashes, front to back. */
  private void resize(int capacity) {
    long[] oldEntries = entries;
    String[] oldKeys = keys;
    long[] newEntries = new long[capacity];
    String[] newKeys = new String[capacity];
    for (int o = 0; o < oldEntries.length; o++) {
      long entry = oldEntries[o];
      if (entry != 0) {
        int i = firstFree(newEntries, (int) (entry >>> 32));
        newEntries[i] = entry;
        newKeys[i] = oldKeys[o];
      }
    }
    entries = newEntries;
    keys = newKeys;
  }

  /**
   * Reads the home position of {@code key} in both arrays, to have their cache lines at hand
   * when the key is put.
   */
  public long touch(String key) {
    long[] table = entries;
    int i = home(mix(key), table.length - 1);
    return table[i] + (keys[i] == null ? 0 : 1);
  }

  /** The first empty position at or after the home of {@code hash} in {@code table}. */
  private static int firstFree(long[] table, int hash) {
    int mask = table.length - 1;
    int i = home(hash, mask);
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int maxSize(int capacity) {
    return capacity / 5 * 4;
  }

  /** The home position of a mixed hash: its top bits, as many as {@code mask} has. */
  private static int home(int hash, int mask) {
    return hash >>> Integer.numberOfLeadingZeros(mask);
  }

  /** The key's hash code, mixed so that its top bits spread (Fibonacci hashing). */
  private static int mix(String key) {
    return key.hashCode() * 0x9E3779B9;
  }
}
