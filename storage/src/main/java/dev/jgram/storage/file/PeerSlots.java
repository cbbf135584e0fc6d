package dev.jgram.storage.file;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerType;
import java.util.Arrays;

/**
 * The entries of a {@link PeerCache} in column arrays: one numbered slot per cached peer, and
 * an id index onto the slots. No object per entry, and nothing allocated before the first one.
 *
 * <table>
 *   <caption>Columns (one entry per slot)</caption>
 *   <tr><th>array</th><th>holds</th></tr>
 *   <tr><td>{@code long[][] rows}</td><td>three longs per slot, side by side so that a lookup
 *       touches one cache line: the marked id, the access hash (0 when unknown),
 *       last_update_on in unix seconds</td></tr>
 *   <tr><td>{@code byte[][] types}</td><td>the {@link PeerType} ordinal</td></tr>
 * </table>
 *
 * <p>Both columns come in chunks of {@value #CHUNK} slots (slot {@code s} is at {@code s %
 * CHUNK} of chunk {@code s / CHUNK}); the last chunk grows by half at a time, so that a small
 * cache pays only for what it holds and a large one never copies more than a chunk or keeps
 * more than one chunk unused.
 *
 * <p>The index is an open-addressing {@code int[]} (linear probing from a Fibonacci hash of
 * the id, backward-shift removal) whose entries are 0 when empty, else {@code slot + 1}; it
 * keeps no keys, since the row holds the id. A slot keeps its number for as long as its peer
 * stays, so other maps may point at it. Slots are filled in order and never freed one by one:
 * a full cache gives an occupied slot to a new peer ({@link #reassign}). The index stays at
 * most 60% full, so a lookup probes about once.
 *
 * <p>An entry costs 25 bytes of columns and about 7 of index. Not thread-safe.
 */
final class PeerSlots {
  /** The most slots a cache may have: the bound of larger caches is lowered to this. */
  static final int MAX_SLOTS = 1 << 28;

  private static final PeerType[] TYPES = PeerType.values();
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MIN_COLUMNS = 16;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int[] NO_INDEX = {};

  private final int limit;
  private long[][] rows = new long[0][];
  private byte[][] types = new byte[0][];
  private int[] index = NO_INDEX;
  private int size;
  private int capacity;

  /** Slots for at most {@code limit} peers (at most {@link #MAX_SLOTS}). */
  PeerSlots(int limit) {
    this.limit = Math.min(limit, MAX_SLOTS);
  }

  /** How many slots may be used at most. */
  int limit() {
    return limit;
  }

  /** How many slots are in use (slots 0 to size - 1). */
  int size() {
    return size;
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(long id) {
    int[] idx = index;
    if (idx.length == 0) {
      return -1;
    }
    int mask = idx.length - 1;
    for (int i = home(id, mask); ; i = (i + 1) & mask) {
      int entry = idx[i];
      if (entry == 0) {
        return -1;
      }
      if (id(entry - 1) == id) {
        return entry - 1;
      }
    }
  }

  /** The marked id in {@code slot}. */
  long id(int slot) {
    return rows[slot >>> CHUNK_BITS][3 * (slot & (CHUNK - 1))];
  }

  /** When the peer in {@code slot} was last written, in unix seconds. */
  long lastUpdateOn(int slot) {
    return rows[slot >>> CHUNK_BITS][3 * (slot & (CHUNK - 1)) + 2];
  }

  /** The input peer for the peer in {@code slot}, built on demand. */
  InputPeer input(int slot) {
    long[] chunk = rows[slot >>> CHUNK_BITS];
    int at = slot & (CHUNK - 1);
    return InputPeer.of(chunk[3 * at], TYPES[types[slot >>> CHUNK_BITS][at]], chunk[3 * at + 1]);
  }

  /** Stores a peer not yet present in a new slot; requires {@code size() < limit()}. */
  int add(long id, PeerType type, long accessHash, long lastUpdateOn) {
    if (size == capacity) {
      grow();
    }
    int slot = size++;
    rows[slot >>> CHUNK_BITS][3 * (slot & (CHUNK - 1))] = id;
    if (size * 5L > index.length * 3L) {
      rebuildIndex(Math.max(MIN_COLUMNS * 2, index.length * 2));
    } else {
      insert(index, slot);
    }
    set(slot, type, accessHash, lastUpdateOn);
    return slot;
  }

  /** Overwrites the entry in {@code slot}, keeping its id. */
  void set(int slot, PeerType type, long accessHash, long lastUpdateOn) {
    long[] chunk = rows[slot >>> CHUNK_BITS];
    int at = slot & (CHUNK - 1);
    chunk[3 * at + 1] = accessHash;
    chunk[3 * at + 2] = lastUpdateOn;
    types[slot >>> CHUNK_BITS][at] = (byte) type.ordinal();
  }

  /** Gives {@code slot} to another peer {@code id}, not yet present: its old peer is gone. */
  void reassign(int slot, long id, PeerType type, long accessHash, long lastUpdateOn) {
    removeFromIndex(id(slot));
    rows[slot >>> CHUNK_BITS][3 * (slot & (CHUNK - 1))] = id;
    insert(index, slot);
    set(slot, type, accessHash, lastUpdateOn);
  }

  /** Drops every entry and gives the arrays back. */
  void clear() {
    rows = new long[0][];
    types = new byte[0][];
    index = NO_INDEX;
    size = 0;
    capacity = 0;
  }

  private void removeFromIndex(long id) {
    int[] idx = index;
    int mask = idx.length - 1;
    int hole = home(id, mask);
    while (id(idx[hole] - 1) != id) {
      hole = (hole + 1) & mask;
    }
    // Shift back every later entry of the run whose home does not lie in (hole, i].
    for (int i = (hole + 1) & mask; idx[i] != 0; i = (i + 1) & mask) {
      int h = home(id(idx[i] - 1), mask);
      boolean stays = hole <= i ? hole < h && h <= i : hole < h || h <= i;
      if (!stays) {
        idx[hole] = idx[i];
        hole = i;
      }
    }
    idx[hole] = 0;
  }

  private void insert(int[] idx, int slot) {
    int mask = idx.length - 1;
    int i = home(id(slot), mask);
    while (idx[i] != 0) {
      i = (i + 1) & mask;
    }
    idx[i] = slot + 1;
  }

  private void rebuildIndex(int capacity) {
    int[] idx = new int[capacity];
    for (int slot = 0; slot < size; slot++) {
      insert(idx, slot);
    }
    index = idx;
  }

  /** Makes room for one more slot: grows the last chunk by half, or starts a new one. */
  private void grow() {
    int last = rows.length - 1;
    int inLast = last < 0 ? CHUNK : types[last].length;
    if (inLast == CHUNK) {
      rows = Arrays.copyOf(rows, last + 2);
      types = Arrays.copyOf(types, last + 2);
      last++;
      inLast = 0;
    }
    int room = Math.min(limit - last * CHUNK, CHUNK);
    int grown = Math.min(room, Math.max(MIN_COLUMNS, inLast + (inLast >> 1)));
    rows[last] = Arrays.copyOf(rows[last] == null ? new long[0] : rows[last], 3 * grown);
    types[last] = Arrays.copyOf(types[last] == null ? new byte[0] : types[last], grown);
    capacity = last * CHUNK + grown;
  }

  private static int home(long id, int mask) {
    return (int) ((id * GOLDEN) >>> 32) & mask;
  }
}
