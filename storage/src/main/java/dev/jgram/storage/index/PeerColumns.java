package dev.jgram.storage.index;

import dev.jgram.storage.StorageException;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link PeerIndex}'s entries, one slot per peer, in column arrays cut into chunks.
 *
 * <table>
 *   <caption>Columns (one entry per slot)</caption>
 *   <tr><th>chunks</th><th>hold</th></tr>
 *   <tr><td>{@code long[][] rows}</td><td>three longs per slot, side by side so that a lookup
 *       touches one cache line (or two adjacent ones): the marked id, the access hash (0 when
 *       unknown), and the stamp: last_update_on in bits 63-32 (unix seconds, unsigned; all
 *       ones when it does not fit, the value then in {@code far}), the write sequence in bits
 *       31-4, and the kind in bits 0-3 (type ordinal in bits 0-2, {@link #MISSING} for an id
 *       known to be absent, bit 3 set when the access hash is unknown; {@link IdIndex}
 *       keeps a copy for lookups by id, which {@link PeerIndex} sets with it). The write
 *       sequence orders the slots by when they were last set (it breaks ties in
 *       last_update_on among the holders of a username or phone number: the later write
 *       wins); when it would pass 28 bits, the slots are numbered again in the same
 *       order</td></tr>
 *   <tr><td>{@code long[][] far}</td><td>created at the first last_update_on outside
 *       {@code [0, 2^32 - 1)}: such a value, in full</td></tr>
 *   <tr><td>{@code Object[][] names}</td><td>null, one {@code String}, or the peer's
 *       (immutable) {@code List<String>} of two or more</td></tr>
 *   <tr><td>{@code String[][] phones}</td><td>the phone number or null</td></tr>
 * </table>
 *
 * <p>Slot {@code s} lives in chunk {@code s >>> 12} at {@code s & 4095}. Growing adds a
 * chunk and copies nothing, so a big table grows without a pause and without holding an old
 * and a new copy at once, and holds at most one partly used chunk. Only the first chunk
 * starts small (at the first append: an empty table holds no chunk) and doubles up to the
 * full size, so that a small table stays small.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Reads never loop or write, so
 * they may run on a torn view under an optimistic read (a stale chunk index throws at worst).
 */
final class PeerColumns {
  /** Slots per chunk, as a shift. */
  static final int CHUNK_BITS = 12;
  /** Slots per chunk. */
  static final int CHUNK = 1 << CHUNK_BITS;
  /** The kind bit that says the access hash is unknown. */
  static final int NO_HASH = 0x08;
  /** The kind of an id known to be absent (no type has this ordinal). */
  static final int MISSING = 0x07;

  private static final int CHUNK_MASK = CHUNK - 1;
  private static final int FIRST_CAPACITY = 16;
  /** Longs per slot in {@code rows}. */
  private static final int ROW = 3;

  /** Bits of the kind, at the bottom of a row's stamp. */
  private static final long KIND_MASK = 0x0f;
  /** The largest write sequence. */
  static final int MAX_SEQ = (1 << 28) - 1;
  /** The stamp's last_update_on when the value is in {@code far}. */
  private static final long FAR = 0xffff_ffffL;

  private long[][] rows = {};
  private Object[][] names = {};
  private String[][] phones = {};
  private long[][] far;
  private int capacity;
  private int size;
  private int writes;

  /** How many slots are used. */
  int size() {
    return size;
  }

  /** How many slots exist (used or not). */
  int capacity() {
    return capacity;
  }

  /** The marked id in {@code slot}. */
  long id(int slot) {
    return rows[slot >>> CHUNK_BITS][ROW * (slot & CHUNK_MASK)];
  }

  /** The access hash in {@code slot}, 0 when unknown. */
  long accessHash(int slot) {
    return rows[slot >>> CHUNK_BITS][ROW * (slot & CHUNK_MASK) + 1];
  }

  /** When the peer in {@code slot} was last written, in unix seconds. */
  long lastUpdateOn(int slot) {
    long time = stamp(slot) >>> 32;
    return time != FAR ? time : far[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
  }

  /** The write sequence of {@code slot}: higher means set later. */
  int writeSeq(int slot) {
    return (int) stamp(slot) >>> 4;
  }

  private long stamp(int slot) {
    return rows[slot >>> CHUNK_BITS][ROW * (slot & CHUNK_MASK) + 2];
  }

  /**
   * Whether the entry in {@code a} is newer than the one in {@code b}: a later
   * last_update_on, or the same one written later.
   */
  boolean newer(int a, int b) {
    long ta = lastUpdateOn(a);
    long tb = lastUpdateOn(b);
    return ta != tb ? ta > tb : writeSeq(a) > writeSeq(b);
  }

  /** The kind in {@code slot}: type ordinal and {@link #NO_HASH}. */
  int kind(int slot) {
    return (int) (stamp(slot) & KIND_MASK);
  }

  /** The usernames in {@code slot}: null, a {@code String} or a {@code List<String>}. */
  Object names(int slot) {
    return names[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
  }

  /** The phone number in {@code slot}, or null. */
  String phone(int slot) {
    return phones[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
  }

  /** Grows ahead so that {@code more} slots can be appended without growing on the way. */
  void reserve(int more) {
    long needed = Math.min((long) size + more, PeerIndex.MAX_PEERS);
    while (needed > capacity) {
      grow();
    }
  }

  /** Takes the next slot for {@code id}. Returns the slot. */
  int append(long id, int kind) {
    if (size == capacity) {
      if (size >= PeerIndex.MAX_PEERS) {
        throw new StorageException("a peer index holds at most " + PeerIndex.MAX_PEERS
            + " peers");
      }
      grow();
    }
    int slot = size++;
    long[] row = rows[slot >>> CHUNK_BITS];
    row[ROW * (slot & CHUNK_MASK)] = id;
    row[ROW * (slot & CHUNK_MASK) + 2] = kind & KIND_MASK;
    return slot;
  }

  /** Sets the kind of {@code slot}. */
  void kind(int slot, int kind) {
    long[] row = rows[slot >>> CHUNK_BITS];
    int at = ROW * (slot & CHUNK_MASK) + 2;
    row[at] = (row[at] & ~KIND_MASK) | (kind & KIND_MASK);
  }

  /** Sets everything but the id and the kind of {@code slot}, as its latest write. */
  void set(int slot, long accessHash, long lastUpdateOn, Object usernames, String phone) {
    if (writes == MAX_SEQ) {
      renumber();
    }
    int chunk = slot >>> CHUNK_BITS;
    int at = slot & CHUNK_MASK;
    long time = lastUpdateOn >= 0 && lastUpdateOn < FAR ? lastUpdateOn : FAR;
    if (time == FAR) {
      farChunk(chunk)[at] = lastUpdateOn;
    }
    long[] row = rows[chunk];
    row[ROW * at + 1] = accessHash;
    row[ROW * at + 2] = time << 32 | (long) ++writes << 4 | (row[ROW * at + 2] & KIND_MASK);
    names[chunk][at] = usernames;
    phones[chunk][at] = phone;
  }

  /** Sets the count of writes so far (for tests: to reach the sequence's end sooner). */
  void writes(int count) {
    writes = count;
  }

  /** Numbers the slots' write sequences again from 1, in the same order. */
  private void renumber() {
    long[] order = new long[size];
    for (int slot = 0; slot < size; slot++) {
      order[slot] = (long) writeSeq(slot) << 32 | slot;
    }
    Arrays.sort(order);
    writes = 0;
    for (long seqAndSlot : order) {
      int slot = (int) seqAndSlot;
      long[] row = rows[slot >>> CHUNK_BITS];
      int at = ROW * (slot & CHUNK_MASK) + 2;
      row[at] = (row[at] & ~((long) MAX_SEQ << 4)) | (long) ++writes << 4;
    }
  }

  /** The chunk of {@code far}, created on first use, that holds slots of {@code chunk}. */
  private long[] farChunk(int chunk) {
    if (far == null || far.length < rows.length) {
      far = far == null ? new long[rows.length][] : Arrays.copyOf(far, rows.length);
    }
    int length = names[chunk].length;
    if (far[chunk] == null || far[chunk].length < length) {
      far[chunk] = far[chunk] == null ? new long[length] : Arrays.copyOf(far[chunk], length);
    }
    return far[chunk];
  }

  /** A copy of every stored id, ascending. */
  long[] sortedIds() {
    long[] copy = new long[size];
    for (int slot = 0; slot < size; slot++) {
      copy[slot] = id(slot);
    }
    Arrays.sort(copy);
    return copy;
  }

  /** The usernames as a list, from what {@link #names(int)} holds. */
  @SuppressWarnings("unchecked")
  static List<String> usernameList(Object names) {
    if (names == null) {
      return List.of();
    }
    return names instanceof String one ? List.of(one) : (List<String>) names;
  }

  /** Doubles the first chunk up to full size, or adds a full chunk. */
  private void grow() {
    if (capacity == 0) {
      rows = new long[][] {new long[ROW * FIRST_CAPACITY]};
      names = new Object[][] {new Object[FIRST_CAPACITY]};
      phones = new String[][] {new String[FIRST_CAPACITY]};
      capacity = FIRST_CAPACITY;
      return;
    }
    if (capacity < CHUNK) {
      capacity *= 2;
      rows[0] = Arrays.copyOf(rows[0], ROW * capacity);
      names[0] = Arrays.copyOf(names[0], capacity);
      phones[0] = Arrays.copyOf(phones[0], capacity);
      return;
    }
    int chunk = capacity >>> CHUNK_BITS;
    if (chunk == rows.length) {
      int spine = 2 * chunk;
      rows = Arrays.copyOf(rows, spine);
      names = Arrays.copyOf(names, spine);
      phones = Arrays.copyOf(phones, spine);
    }
    rows[chunk] = new long[ROW * CHUNK];
    names[chunk] = new Object[CHUNK];
    phones[chunk] = new String[CHUNK];
    capacity += CHUNK;
  }
}
