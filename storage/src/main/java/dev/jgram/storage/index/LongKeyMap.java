package dev.jgram.storage.index;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} to objects (linear probing, backward-shift
 * removal): no boxing of keys and one array slot per entry; the peer cache keeps the ids
 * SQLite reported absent in one. Not thread-safe.
 */
public final class LongKeyMap<V> {
  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;

  /** An empty map. */
  public LongKeyMap() {
    allocate(16);
  }

  /** How many keys are mapped. */
  public int size() {
    return size;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = slot(key);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Associates {@code value} (non-null) with {@code key}; returns the previous value. */
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    if ((size + 1) * 2 > values.length) {
      grow();
    }
    int i = slot(key);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        values[i] = value;
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return null;
  }

  /** Removes {@code key}; returns its value, or null. */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    int i = slot(key);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        deleteAt(i);
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Removes every key. */
  public void clear() {
    allocate(16);
  }

  private void deleteAt(int hole) {
    size--;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (values[i] == null) {
        break;
      }
      int home = slot(keys[i]);
      // Move the entry back into the hole unless its home lies cyclically in (hole, i].
      boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!stays) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
    values[hole] = null;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(values.length * 2);
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        insertFresh(oldKeys[i], oldValues[i]);
      }
    }
  }

  private void insertFresh(long key, Object value) {
    int i = slot(key);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    Arrays.fill(values, null);
    mask = capacity - 1;
    size = 0;
  }
}
