package dev.jgram.storage;

/**
 * An open-addressing hash map from a string to a non-negative int (a {@link PeerTable} slot),
 * with linear probing and backward-shift deletion: two parallel arrays and no per-entry
 * objects, so an entry costs 8 bytes of table plus the key the caller keeps anyway.
 *
 * <p>Not thread-safe; {@link MemoryStorage} guards it.
 */
final class StringSlotMap {
  private static final int MIN_CAPACITY = 16;

  private String[] keys = new String[MIN_CAPACITY];
  private int[] slots = new int[MIN_CAPACITY];
  private int size;

  /** The slot stored for {@code key}, or -1. */
  int get(String key) {
    int mask = keys.length - 1;
    for (int i = home(key, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return slots[i];
      }
    }
  }

  /** Maps {@code key} to {@code slot}, replacing any previous slot. */
  void put(String key, int slot) {
    if (size + 1 > keys.length * 3 / 4) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = home(key, mask);
    while (keys[i] != null) {
      if (keys[i].equals(key)) {
        slots[i] = slot;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    slots[i] = slot;
    size++;
  }

  /** Removes {@code key} if it is mapped to {@code slot}; otherwise leaves it. */
  void removeIfSlot(String key, int slot) {
    int mask = keys.length - 1;
    for (int i = home(key, mask); keys[i] != null; i = (i + 1) & mask) {
      if (keys[i].equals(key)) {
        if (slots[i] == slot) {
          deleteAt(i, mask);
        }
        return;
      }
    }
  }

  /** How many keys are mapped. */
  int size() {
    return size;
  }

  /** Shifts back the entries that probed past {@code i}, so no probe chain is broken. */
  private void deleteAt(int i, int mask) {
    int hole = i;
    for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      int h = home(keys[j], mask);
      boolean staysPut = hole <= j ? hole < h && h <= j : hole < h || h <= j;
      if (!staysPut) {
        keys[hole] = keys[j];
        slots[hole] = slots[j];
        hole = j;
      }
    }
    keys[hole] = null;
    slots[hole] = 0;
    size--;
  }

  private void resize(int capacity) {
    String[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new String[capacity];
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int o = 0; o < oldKeys.length; o++) {
      if (oldKeys[o] != null) {
        int i = home(oldKeys[o], mask);
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[o];
        slots[i] = oldSlots[o];
      }
    }
  }

  private static int home(String key, int mask) {
    int h = key.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
