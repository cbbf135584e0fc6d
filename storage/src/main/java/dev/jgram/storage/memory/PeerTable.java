package dev.jgram.storage.memory;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.index.StringSlotMap;
import java.util.List;

/**
 * The memory engine's peer cache: the entries in {@link PeerColumns}, and three indexes onto
 * their slots: {@link IdIndex} by id, a {@link StringSlotMap} by username and one by phone.
 *
 * <p>Username and phone indexes ({@link ClaimIndex}) map to the slot of the newest holder, by
 * last_update_on, ties to the later write; when the winner drops a name, or is restored with
 * an older timestamp, the next newest holder wins it.
 *
 * <p>A batch is written in three passes. The first grows every table once, for the whole
 * batch. The second reads each peer's home position in each index and nothing else: these
 * reads do not depend on each other, so the processor overlaps their cache misses, where the
 * third pass, which writes the peers one by one, would wait for them one at a time.
 *
 * <p>Not thread-safe; {@link MemoryStorage} guards it. Reads never loop forever or write,
 * even on a torn view of the arrays, so the engine may run them under an optimistic read.
 */
final class PeerTable {
  /** Slots are numbered in the id index's low 28 bits. */
  static final int MAX_PEERS = (1 << 28) - 2;

  private static final PeerType[] TYPES = PeerType.values();

  private final PeerColumns columns = new PeerColumns();
  private final IdIndex ids = new IdIndex();
  private final ClaimIndex usernames = new ClaimIndex(columns, false);
  private final ClaimIndex phoneIndex = new ClaimIndex(columns, true);
  private long touched;

  /** How many peers are stored. */
  int size() {
    return columns.size();
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(long id) {
    int pos = ids.position(id, columns);
    return pos < 0 ? -1 : IdIndex.slot(ids.entryAt(pos));
  }

  /** The input peer for {@code id}, or null: one index probe and one row. */
  InputPeer inputPeerById(long id) {
    int pos = ids.position(id, columns);
    if (pos < 0) {
      return null;
    }
    long entry = ids.entryAt(pos);
    return InputPeer.of(id, TYPES[IdIndex.kind(entry) & 0x07],
        columns.accessHash(IdIndex.slot(entry)));
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
    return columns.lastUpdateOn(slot);
  }

  /** The input peer for the peer in {@code slot}. */
  InputPeer inputPeer(int slot) {
    return InputPeer.of(columns.id(slot), TYPES[columns.kind(slot) & 0x07],
        columns.accessHash(slot));
  }

  /** The whole entry in {@code slot}. */
  Peer peer(int slot) {
    int kind = columns.kind(slot);
    Long hash = (kind & PeerColumns.NO_HASH) != 0 ? null : columns.accessHash(slot);
    return new Peer(columns.id(slot), hash, TYPES[kind & 0x07],
        PeerColumns.usernameList(columns.names(slot)), columns.phone(slot),
        columns.lastUpdateOn(slot));
  }

  /**
   * The input peer that {@code key} finds, or the {@link PeerNotFoundException.Reason} of a
   * miss. A username resolves only while its entry is at most {@code ttlSeconds} old.
   */
  Object find(PeerKey key, long id, String text, long now, long ttlSeconds) {
    if (key == PeerKey.ID) {
      InputPeer peer = inputPeerById(id);
      return peer == null ? key.miss : peer;
    }
    int slot = key == PeerKey.USERNAME ? usernames.get(text) : phoneIndex.get(text);
    if (slot < 0) {
      return key.miss;
    }
    if (key == PeerKey.USERNAME && expired(columns.lastUpdateOn(slot), now, ttlSeconds)) {
      return PeerNotFoundException.Reason.USERNAME_EXPIRED;
    }
    return inputPeer(slot);
  }

  /** A copy of every stored id, ascending. */
  long[] sortedIds() {
    return columns.sortedIds();
  }

  /**
   * Writes a batch in order, as {@link #put} one by one would: each peer stamped {@code now},
   * or with its own {@code lastUpdateOn} when {@code restore} is set.
   */
  void putAll(Peer[] batch, long now, boolean restore) {
    reserve(batch);
    long sum = 0;
    for (Peer peer : batch) {
      sum += ids.touch(peer.id());
    }
    for (Peer peer : batch) {
      sum += touchKeys(peer);
    }
    touched += sum; // kept, so that the reads are not optimised away
    for (Peer peer : batch) {
      put(peer, restore ? peer.lastUpdateOn() : now);
    }
  }

  /**
   * Inserts {@code peer} or replaces its entry whole, stamped {@code lastUpdateOn}; it wins
   * its names and phone unless another holder is newer (restored with a later timestamp).
   */
  void put(Peer peer, long lastUpdateOn) {
    Long hash = peer.accessHash();
    int kind = peer.type().ordinal() | (hash == null ? PeerColumns.NO_HASH : 0);
    Object newNames = compactNames(peer.usernames());
    String phone = peer.phoneNumber();
    int pos = ids.position(peer.id(), columns);
    int slot;
    boolean older = false;
    if (pos < 0) {
      slot = columns.append(peer.id(), kind);
      ids.add(peer.id(), slot, kind);
    } else {
      slot = IdIndex.slot(ids.entryAt(pos));
      older = columns.lastUpdateOn(slot) > lastUpdateOn;
      newNames = unindexStale(slot, newNames, phone);
      if (phone != null && phone.equals(columns.phone(slot))) {
        phone = columns.phone(slot);
      }
      if (columns.kind(slot) != kind) {
        columns.kind(slot, kind);
        ids.kind(pos, kind);
      }
    }
    columns.set(slot, hash == null ? 0 : hash, lastUpdateOn, newNames, phone);
    indexKeys(newNames, phone, slot, older);
  }

  /** The first pass of a batch: grows every table once, for the whole batch. */
  private void reserve(Peer[] batch) {
    int names = 0;
    int phones = 0;
    for (Peer peer : batch) {
      names += peer.usernames().size();
      phones += peer.phoneNumber() == null ? 0 : 1;
    }
    columns.reserve(batch.length);
    ids.reserve(batch.length);
    usernames.reserve(names);
    phoneIndex.reserve(phones);
  }

  /**
   * Part of the second pass of a batch: reads the home positions of the peer's usernames and
   * phone number (per peer, so that the JIT compiles it early, as it does {@link #put}).
   */
  private long touchKeys(Peer peer) {
    long sum = 0;
    List<String> names = peer.usernames();
    for (int i = 0; i < names.size(); i++) {
      sum += usernames.touch(names.get(i));
    }
    String phone = peer.phoneNumber();
    return phone == null ? sum : sum + phoneIndex.touch(phone);
  }

  /**
   * Unindexes the old names and phone of {@code slot} that the new entry drops; returns the
   * new names, reusing the stored ones when they are unchanged.
   */
  private Object unindexStale(int slot, Object newNames, String newPhone) {
    Object oldNames = columns.names(slot);
    if (oldNames != null && oldNames.equals(newNames)) {
      newNames = oldNames;
    } else if (oldNames != null) {
      List<String> keep = PeerColumns.usernameList(newNames);
      for (String old : PeerColumns.usernameList(oldNames)) {
        if (!keep.contains(old)) {
          usernames.release(old, slot);
        }
      }
    }
    String oldPhone = columns.phone(slot);
    if (oldPhone != null && !oldPhone.equals(newPhone)) {
      phoneIndex.release(oldPhone, slot);
    }
    return newNames;
  }

  /**
   * Claims the names and phone of the entry just written to {@code slot}; when it is
   * {@code older} than the entry it replaced, re-elects the winners of what it kept.
   */
  private void indexKeys(Object names, String phone, int slot, boolean older) {
    if (names instanceof String one) {
      usernames.claim(one, slot);
    } else if (names != null) {
      for (String name : PeerColumns.usernameList(names)) {
        usernames.claim(name, slot);
      }
    }
    if (phone != null) {
      phoneIndex.claim(phone, slot);
    }
    if (older) {
      for (String name : PeerColumns.usernameList(names)) {
        usernames.recheck(name, slot);
      }
      if (phone != null) {
        phoneIndex.recheck(phone, slot);
      }
    }
  }

  /** How many usernames and phone numbers have had two holders or more (for tests). */
  int contestedKeys() {
    return usernames.contestedKeys() + phoneIndex.contestedKeys();
  }

  /**
   * Pyrogram's TTL rule: expired when {@code abs(now - lastUpdateOn) > ttl}, strictly, so an
   * entry from the future expires too. Compared unsigned so extreme timestamps cannot overflow.
   */
  private static boolean expired(long lastUpdateOn, long now, long ttlSeconds) {
    long age = lastUpdateOn > now ? lastUpdateOn - now : now - lastUpdateOn;
    return Long.compareUnsigned(age, ttlSeconds) > 0;
  }

  /** Null, the one name, or the peer's own immutable list (two or more). */
  private static Object compactNames(List<String> usernames) {
    return switch (usernames.size()) {
      case 0 -> null;
      case 1 -> usernames.get(0);
      default -> usernames;
    };
  }
}
