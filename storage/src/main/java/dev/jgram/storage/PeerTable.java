package dev.jgram.storage;

import java.util.Arrays;
import java.util.List;

/**
 * The memory engine's peer cache: one slot per peer, its fields in parallel column arrays,
 * and three indexes onto slots (id, username, phone number).
 *
 * <table>
 *   <caption>Columns (one entry per slot)</caption>
 *   <tr><th>array</th><th>holds</th></tr>
 *   <tr><td>{@code long[] ids}</td><td>the marked id</td></tr>
 *   <tr><td>{@code long[] hashes}</td><td>the access hash (0 when unknown)</td></tr>
 *   <tr><td>{@code byte[] kinds}</td><td>type ordinal in bits 0-2; bit 3 set when the access
 *       hash is unknown (null)</td></tr>
 *   <tr><td>{@code long[] updated}</td><td>last_update_on, unix seconds</td></tr>
 *   <tr><td>{@code Object[] names}</td><td>null, one {@code String}, or a {@code String[]}</td></tr>
 *   <tr><td>{@code String[] phones}</td><td>the phone number or null</td></tr>
 * </table>
 *
 * <p>The id index is an open-addressing table of {@code slot + 1} (0 = empty) probed linearly
 * from a Fibonacci hash of the id; it stores no keys, since {@code ids[slot]} is the key. Peers
 * are only ever replaced, never removed one by one, so the id index needs no deletion.
 * Username and phone indexes map to the slot of the most recently written claimant; when a
 * peer drops a name, the name is unindexed only if it still points at that peer.
 *
 * <p>Not thread-safe; {@link MemoryStorage} guards it.
 */
final class PeerTable {
  private static final PeerType[] TYPES = PeerType.values();
  private static final int NO_HASH = 0x08;
  private static final int MIN_CAPACITY = 64;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long[] ids = new long[MIN_CAPACITY];
  private long[] hashes = new long[MIN_CAPACITY];
  private byte[] kinds = new byte[MIN_CAPACITY];
  private long[] updated = new long[MIN_CAPACITY];
  private Object[] names = new Object[MIN_CAPACITY];
  private String[] phones = new String[MIN_CAPACITY];
  private int size;

  private int[] index = new int[MIN_CAPACITY * 2];
  private int shift = 64 - Integer.numberOfTrailingZeros(MIN_CAPACITY * 2);

  private final StringSlotMap usernames = new StringSlotMap();
  private final StringSlotMap phoneIndex = new StringSlotMap();

  /** How many peers are stored. */
  int size() {
    return size;
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(long id) {
    int[] idx = index;
    int mask = idx.length - 1;
    for (int i = (int) ((id * GOLDEN) >>> shift); ; i = (i + 1) & mask) {
      int s = idx[i];
      if (s == 0) {
        return -1;
      }
      if (ids[s - 1] == id) {
        return s - 1;
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
    return updated[slot];
  }

  /** The input peer for the peer in {@code slot}. */
  InputPeer inputPeer(int slot) {
    return InputPeer.of(ids[slot], TYPES[kinds[slot] & 0x07], hashes[slot]);
  }

  /** The whole entry in {@code slot}. */
  Peer peer(int slot) {
    int kind = kinds[slot];
    Long hash = (kind & NO_HASH) != 0 ? null : hashes[slot];
    return new Peer(ids[slot], hash, TYPES[kind & 0x07], usernameList(names[slot]), phones[slot],
        updated[slot]);
  }

  /** A copy of every stored id, ascending. */
  long[] sortedIds() {
    long[] copy = Arrays.copyOf(ids, size);
    Arrays.sort(copy);
    return copy;
  }

  /** Inserts {@code peer} or replaces its entry whole, stamped {@code lastUpdateOn}. */
  void put(Peer peer, long lastUpdateOn) {
    int slot = slotOf(peer.id());
    Object newNames = compactNames(peer.usernames());
    String phone = peer.phoneNumber();
    if (slot < 0) {
      slot = append(peer.id());
    } else {
      newNames = unindexStale(slot, newNames, phone);
      if (phone != null && phone.equals(phones[slot])) {
        phone = phones[slot];
      }
    }
    Long hash = peer.accessHash();
    hashes[slot] = hash == null ? 0 : hash;
    kinds[slot] = (byte) (peer.type().ordinal() | (hash == null ? NO_HASH : 0));
    updated[slot] = lastUpdateOn;
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

  private int append(long id) {
    if (size == ids.length) {
      growColumns(Math.max(MIN_CAPACITY, size + (size >> 1)));
    }
    int slot = size++;
    ids[slot] = id;
    if (size * 5L > index.length * 3L) {
      rebuildIndex(index.length * 2);
    } else {
      insertIndex(index, slot);
    }
    return slot;
  }

  private void insertIndex(int[] idx, int slot) {
    int mask = idx.length - 1;
    int i = (int) ((ids[slot] * GOLDEN) >>> shift);
    while (idx[i] != 0) {
      i = (i + 1) & mask;
    }
    idx[i] = slot + 1;
  }

  private void rebuildIndex(int capacity) {
    int[] idx = new int[capacity];
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    for (int slot = 0; slot < size; slot++) {
      insertIndex(idx, slot);
    }
    index = idx;
  }

  private void growColumns(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    updated = Arrays.copyOf(updated, capacity);
    names = Arrays.copyOf(names, capacity);
    phones = Arrays.copyOf(phones, capacity);
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
