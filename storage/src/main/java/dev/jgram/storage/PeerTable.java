package dev.jgram.storage;

import java.util.Arrays;
import java.util.List;

/**
 * The memory engine's peer cache: one slot per peer, its fields in column arrays, and three
 * indexes onto slots (id, username, phone number).
 *
 * <table>
 *   <caption>Columns (one entry per slot)</caption>
 *   <tr><th>array</th><th>holds</th></tr>
 *   <tr><td>{@code long[] rows}</td><td>three longs per slot, side by side so that a lookup
 *       touches one cache line: the marked id, the access hash (0 when unknown),
 *       last_update_on in unix seconds</td></tr>
 *   <tr><td>{@code byte[] kinds}</td><td>the kind: type ordinal in bits 0-2, bit 3 set when the
 *       access hash is unknown (null)</td></tr>
 *   <tr><td>{@code Object[] names}</td><td>null, one {@code String}, or a {@code String[]}</td></tr>
 *   <tr><td>{@code String[] phones}</td><td>the phone number or null</td></tr>
 * </table>
 *
 * <p>The id index is an open-addressing {@code int[]} probed linearly from a Fibonacci hash
 * of the id. An entry is 0 when empty, else {@code slot + 1} in its low 28 bits and the slot's
 * kind in its high 4 bits, so an id lookup reads the index and one row and nothing else. It
 * stores no keys, since the row holds the id. Peers are only ever replaced, never removed one
 * by one, so the id index needs no deletion. Username and phone indexes map to the slot of the
 * most recently written claimant; when a peer drops a name, the name is unindexed only if it
 * still points at that peer.
 *
 * <p>Not thread-safe; {@link MemoryStorage} guards it. Reads never loop forever or write,
 * even on a torn view of the arrays, so the engine may run them under an optimistic read.
 */
final class PeerTable {
  /** Slots are numbered in the index's low 28 bits. */
  static final int MAX_PEERS = (1 << 28) - 2;

  private static final PeerType[] TYPES = PeerType.values();
  private static final int NO_HASH = 0x08;
  private static final int SLOT_BITS = 0x0fff_ffff;
  private static final int MIN_CAPACITY = 64;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long[] rows = new long[MIN_CAPACITY * 3];
  private byte[] kinds = new byte[MIN_CAPACITY];
  private Object[] names = new Object[MIN_CAPACITY];
  private String[] phones = new String[MIN_CAPACITY];
  private int size;

  private int[] index = new int[MIN_CAPACITY * 2];

  private final StringSlotMap usernames = new StringSlotMap();
  private final StringSlotMap phoneIndex = new StringSlotMap();

  /** How many peers are stored. */
  int size() {
    return size;
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(long id) {
    int pos = indexPosition(index, id);
    return pos < 0 ? -1 : (index[pos] & SLOT_BITS) - 1;
  }

  /** The input peer for {@code id}, or null: one index probe and one row. */
  InputPeer inputPeerById(long id) {
    int[] idx = index;
    int pos = indexPosition(idx, id);
    if (pos < 0) {
      return null;
    }
    int entry = idx[pos];
    int slot = (entry & SLOT_BITS) - 1;
    return InputPeer.of(id, TYPES[(entry >>> 28) & 0x07], rows[3 * slot + 1]);
  }

  /** Where {@code id}'s entry sits in {@code idx}, or -1. */
  private int indexPosition(int[] idx, long id) {
    long[] r = rows;
    int mask = idx.length - 1;
    for (int i = home(id, mask); ; i = (i + 1) & mask) {
      int entry = idx[i];
      if (entry == 0) {
        return -1;
      }
      if (r[3 * ((entry & SLOT_BITS) - 1)] == id) {
        return i;
      }
    }
  }

  /** The slot of the newest peer claiming {@code username}, or -1. */
  int slotOfUsername(String username) {
    return usernames.get(username);
  }

  /** The slot of the newest peer with {@code phone}, or -1. */
  int slotOfPhone(String phone) {
    return phoneIndex.get(phone);
  }

  /** When the peer in {@code slot} was last written, in unix seconds. */
  long lastUpdateOn(int slot) {
    return rows[3 * slot + 2];
  }

  /** The input peer for the peer in {@code slot}. */
  InputPeer inputPeer(int slot) {
    return InputPeer.of(rows[3 * slot], TYPES[kinds[slot] & 0x07], rows[3 * slot + 1]);
  }

  /** The whole entry in {@code slot}. */
  Peer peer(int slot) {
    int kind = kinds[slot];
    Long hash = (kind & NO_HASH) != 0 ? null : rows[3 * slot + 1];
    return new Peer(rows[3 * slot], hash, TYPES[kind & 0x07], usernameList(names[slot]),
        phones[slot], rows[3 * slot + 2]);
  }

  /** A copy of every stored id, ascending. */
  long[] sortedIds() {
    long[] copy = new long[size];
    for (int slot = 0; slot < size; slot++) {
      copy[slot] = rows[3 * slot];
    }
    Arrays.sort(copy);
    return copy;
  }

  /** Inserts {@code peer} or replaces its entry whole, stamped {@code lastUpdateOn}. */
  void put(Peer peer, long lastUpdateOn) {
    Long hash = peer.accessHash();
    int kind = peer.type().ordinal() | (hash == null ? NO_HASH : 0);
    Object newNames = compactNames(peer.usernames());
    String phone = peer.phoneNumber();
    int slot = slotOf(peer.id());
    if (slot < 0) {
      slot = append(peer.id(), kind);
    } else {
      newNames = unindexStale(slot, newNames, phone);
      if (phone != null && phone.equals(phones[slot])) {
        phone = phones[slot];
      }
      if (kinds[slot] != kind) {
        kinds[slot] = (byte) kind;
        index[indexPosition(index, peer.id())] = entry(slot);
      }
    }
    rows[3 * slot + 1] = hash == null ? 0 : hash;
    rows[3 * slot + 2] = lastUpdateOn;
    names[slot] = newNames;
    phones[slot] = phone;
    indexNames(newNames, slot);
    if (phone != null) {
      phoneIndex.put(phone, slot);
    }
  }

  /**
   * Unindexes the old names and phone of {@code slot} that the new entry drops; returns the
   * new names, reusing the stored strings when they are unchanged.
   */
  private Object unindexStale(int slot, Object newNames, String newPhone) {
    Object oldNames = names[slot];
    if (sameNames(oldNames, newNames)) {
      newNames = oldNames;
    } else if (oldNames != null) {
      List<String> keep = usernameList(newNames);
      for (String old : asArray(oldNames)) {
        if (!keep.contains(old)) {
          usernames.removeIfSlot(old, slot);
        }
      }
    }
    String oldPhone = phones[slot];
    if (oldPhone != null && !oldPhone.equals(newPhone)) {
      phoneIndex.removeIfSlot(oldPhone, slot);
    }
    return newNames;
  }

  private void indexNames(Object names, int slot) {
    if (names instanceof String one) {
      usernames.put(one, slot);
    } else if (names != null) {
      for (String name : (String[]) names) {
        usernames.put(name, slot);
      }
    }
  }

  private int append(long id, int kind) {
    if (size == kinds.length) {
      if (size >= MAX_PEERS) {
        throw new StorageException(MemoryStorage.NAME + ": the memory engine holds at most "
            + MAX_PEERS + " peers");
      }
      growColumns((int) Math.min(MAX_PEERS, Math.max(MIN_CAPACITY, size + (size >> 1))));
    }
    int slot = size++;
    rows[3 * slot] = id;
    kinds[slot] = (byte) kind;
    if (size * 5L > index.length * 3L) {
      rebuildIndex(index.length * 2);
    } else {
      insertIndex(index, slot);
    }
    return slot;
  }

  private int entry(int slot) {
    return (kinds[slot] << 28) | (slot + 1);
  }

  private void insertIndex(int[] idx, int slot) {
    int mask = idx.length - 1;
    int i = home(rows[3 * slot], mask);
    while (idx[i] != 0) {
      i = (i + 1) & mask;
    }
    idx[i] = entry(slot);
  }

  private void rebuildIndex(int capacity) {
    int[] idx = new int[capacity];
    for (int slot = 0; slot < size; slot++) {
      insertIndex(idx, slot);
    }
    index = idx;
  }

  private void growColumns(int capacity) {
    rows = Arrays.copyOf(rows, 3 * capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    names = Arrays.copyOf(names, capacity);
    phones = Arrays.copyOf(phones, capacity);
  }

  private static int home(long id, int mask) {
    return (int) ((id * GOLDEN) >>> 32) & mask;
  }

  private static Object compactNames(List<String> usernames) {
    return switch (usernames.size()) {
      case 0 -> null;
      case 1 -> usernames.get(0);
      default -> usernames.toArray(new String[0]);
    };
  }

  private static boolean sameNames(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof String one) {
      return one.equals(b);
    }
    return b instanceof String[] many && Arrays.equals((String[]) a, many);
  }

  private static String[] asArray(Object names) {
    if (names == null) {
      return new String[0];
    }
    return names instanceof String one ? new String[] {one} : (String[]) names;
  }

  private static List<String> usernameList(Object names) {
    if (names == null) {
      return List.of();
    }
    return names instanceof String one ? List.of(one) : List.of((String[]) names);
  }
}
