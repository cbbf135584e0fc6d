package dev.jgram.storage.index;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import java.util.List;

/**
 * jgram's one in-memory peer index, and the lookup rules every engine answers by: a peer is
 * found by id, by any of its usernames (the newest holder winning, by last_update_on, ties to
 * the later write; expired after the TTL, see {@link #expired}), and by phone number (the
 * newest holder winning). The memory engine keeps all its peers in one; the file engine keeps
 * the peers of its write log in one and the rows it read from SQLite in another, bounded one.
 *
 * <p>The entries live in {@link PeerColumns}, with three indexes onto their slots:
 * {@link IdIndex} by id, and a {@link ClaimIndex} by username and one by phone, which map to
 * the slot of the newest holder; when the winner drops a name, or is restored with an older
 * timestamp, the next newest holder wins it.
 *
 * <p>A bounded index ({@link #bounded}) starts afresh when a new id would pass its bound, and
 * can remember ids known to be absent ({@link #putMissing}); an unbounded one throws past
 * {@link #MAX_PEERS}.
 *
 * <p>A batch is written in three passes. The first grows every table once, for the whole
 * batch. The second reads each peer's home position in each index and nothing else: these
 * reads do not depend on each other, so the processor overlaps their cache misses, where the
 * third pass, which writes the peers one by one, would wait for them one at a time.
 *
 * <p>Not thread-safe; its owner guards it (the memory engine's lock, the file engine's
 * monitor). Reads never loop forever or write, even on a torn view of the arrays, so the
 * memory engine may run them under an optimistic read.
 */
public final class PeerIndex {
  /** Slots are numbered in the id index's low 28 bits. */
  public static final int MAX_PEERS = (1 << 28) - 2;

  private static final PeerType[] TYPES = PeerType.values();

  private final int bound;
  private final boolean keysOnDemand;
  private PeerColumns columns;
  private IdIndex ids;
  /** The claims; both null in a keys-on-demand index until asked by a key. */
  private ClaimIndex usernames;
  private ClaimIndex phoneIndex;
  private long touched;

  /** An empty index of at most {@link #MAX_PEERS} peers. */
  public PeerIndex() {
    this(MAX_PEERS, false);
  }

  private PeerIndex(int bound, boolean keysOnDemand) {
    this.bound = bound;
    this.keysOnDemand = keysOnDemand;
    clear();
  }

  /**
   * An empty index of at most {@link #MAX_PEERS} peers that claims usernames and phone numbers
   * only from the first question by one (or {@link #usernamesMayRepeat}) until {@link #clear}:
   * before that, writes cost no claim and claims no memory. That question writes, so it must
   * not run under an optimistic read.
   */
  public static PeerIndex keysOnDemand() {
    return new PeerIndex(MAX_PEERS, true);
  }

  /**
   * An empty index that holds at most {@code bound} entries (peers and ids known to be
   * absent): adding one more empties it first. With a bound of 0 it holds nothing.
   */
  public static PeerIndex bounded(int bound) {
    return new PeerIndex(Math.min(bound, MAX_PEERS), false);
  }

  /** Drops every entry (and a keys-on-demand index's claims, until it is asked again). */
  public void clear() {
    columns = new PeerColumns();
    ids = new IdIndex(columns);
    usernames = keysOnDemand ? null : new ClaimIndex(columns, false);
    phoneIndex = keysOnDemand ? null : new ClaimIndex(columns, true);
  }

  /** Whether the usernames and phone numbers are indexed (always, unless keys on demand). */
  boolean keysIndexed() {
    return usernames != null;
  }

  /** Indexes every entry's usernames and phone number, if a keys-on-demand index has not. */
  private void indexKeys() {
    if (usernames == null) {
      usernames = new ClaimIndex(columns, false);
      phoneIndex = new ClaimIndex(columns, true);
      for (int slot = 0; slot < columns.size(); slot++) {
        claimKeys(columns.names(slot), columns.phone(slot), slot, false);
      }
    }
  }

  /** How many entries are stored (for a bounded index, ids known absent included). */
  public int size() {
    return columns.size();
  }

  /** The slot of {@code id}, or -1 (also for an id known to be absent). */
  public int slotOf(long id) {
    int found = ids.find(id);
    return found == 0 || IdIndex.kindOf(found) == PeerColumns.MISSING ? -1
        : IdIndex.slotOf(found);
  }

  /** The input peer for {@code id}, or null: one index probe and one row. */
  public InputPeer inputPeerById(long id) {
    int found = ids.find(id);
    int kind = found == 0 ? PeerColumns.MISSING : IdIndex.kindOf(found);
    return kind == PeerColumns.MISSING ? null
        : InputPeer.of(id, TYPES[kind & 0x07], columns.accessHash(IdIndex.slotOf(found)));
  }

  /** Whether {@code id} was recorded as absent ({@link #putMissing}) and not put since. */
  public boolean knownMissing(long id) {
    int found = ids.find(id);
    return found != 0 && IdIndex.kindOf(found) == PeerColumns.MISSING;
  }

  /**
   * Records that {@code id} is absent from the store behind a bounded index, so that asking
   * again costs no query; a later {@link #put} of it replaces the record.
   */
  public void putMissing(long id) {
    if (ids.slot(id) < 0 && roomForOneMore()) {
      ids.add(id, columns.append(id, PeerColumns.MISSING), PeerColumns.MISSING);
    }
  }

  /** Makes room for a new id: empties a full bounded index; false if the bound is 0. */
  private boolean roomForOneMore() {
    if (bound < MAX_PEERS && columns.size() >= bound) {
      clear();
    }
    return bound > 0;
  }

  /** The slot of the newest peer claiming {@code username}, or -1. */
  public int slotOfUsername(String username) {
    indexKeys();
    return usernames.get(username);
  }

  /** The slot of the newest peer with {@code phone}, or -1. */
  public int slotOfPhone(String phone) {
    indexKeys();
    return phoneIndex.get(phone);
  }

  /** When the peer in {@code slot} was last written, in unix seconds. */
  public long lastUpdateOn(int slot) {
    return columns.lastUpdateOn(slot);
  }

  /** The input peer for the peer in {@code slot}. */
  public InputPeer inputPeer(int slot) {
    return InputPeer.of(columns.id(slot), TYPES[columns.kind(slot) & 0x07],
        columns.accessHash(slot));
  }

  /** The whole entry in {@code slot}. */
  public Peer peer(int slot) {
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
  public Object find(PeerKey key, long id, String text, long now, long ttlSeconds) {
    if (key == PeerKey.ID) {
      InputPeer peer = inputPeerById(id);
      return peer == null ? key.miss() : peer;
    }
    int slot = key == PeerKey.USERNAME ? slotOfUsername(text) : slotOfPhone(text);
    if (slot < 0) {
      return key.miss();
    }
    if (key == PeerKey.USERNAME && expired(columns.lastUpdateOn(slot), now, ttlSeconds)) {
      return PeerNotFoundException.Reason.USERNAME_EXPIRED;
    }
    return inputPeer(slot);
  }

  /** A copy of every stored id, ascending. */
  public long[] sortedIds() {
    return columns.sortedIds();
  }

  /**
   * Writes a batch in order, as {@link #put} one by one would: each peer stamped {@code now},
   * or with its own {@code lastUpdateOn} when {@code restore} is set.
   */
  public void putAll(Peer[] batch, long now, boolean restore) {
    reserve(batch);
    long sum = 0;
    for (Peer peer : batch) {
      sum += ids.touch(peer.id());
    }
    for (int i = 0; usernames != null && i < batch.length; i++) {
      sum += touchKeys(batch[i]);
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
  public void put(Peer peer, long lastUpdateOn) {
    int slot = ids.slot(peer.id());
    if (slot < 0 && !roomForOneMore()) {
      return;
    }
    Long hash = peer.accessHash();
    int kind = peer.type().ordinal() | (hash == null ? PeerColumns.NO_HASH : 0);
    Object newNames = compactNames(peer.usernames());
    String phone = peer.phoneNumber();
    boolean older = false;
    if (slot < 0) {
      slot = columns.append(peer.id(), kind);
      ids.add(peer.id(), slot, kind);
    } else {
      older = columns.lastUpdateOn(slot) > lastUpdateOn;
      newNames = unindexStale(slot, newNames, phone);
      if (phone != null && phone.equals(columns.phone(slot))) {
        phone = columns.phone(slot);
      }
      if (columns.kind(slot) != kind) {
        columns.kind(slot, kind);
        ids.kind(peer.id(), kind);
      }
    }
    columns.set(slot, hash == null ? 0 : hash, lastUpdateOn, newNames, phone);
    if (usernames != null) {
      claimKeys(newNames, phone, slot, older);
    }
  }

  /** The first pass of a batch: grows every table once, for the whole batch. */
  private void reserve(Peer[] batch) {
    int names = 0;
    int phones = 0;
    for (Peer peer : batch) {
      names += peer.usernames().size();
      phones += peer.phoneNumber() == null ? 0 : 1;
    }
    columns.reserve(Math.min(batch.length, bound));
    ids.reserve(batch.length);
    if (usernames != null) {
      usernames.reserve(names);
      phoneIndex.reserve(phones);
    }
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
    } else if (oldNames != null && usernames != null) {
      List<String> keep = PeerColumns.usernameList(newNames);
      for (String old : PeerColumns.usernameList(oldNames)) {
        if (!keep.contains(old)) {
          usernames.release(old, slot);
        }
      }
    }
    String oldPhone = columns.phone(slot);
    if (oldPhone != null && !oldPhone.equals(newPhone) && phoneIndex != null) {
      phoneIndex.release(oldPhone, slot);
    }
    return newNames;
  }

  /**
   * Claims the names and phone of the entry just written to {@code slot}; when it is
   * {@code older} than the entry it replaced, re-elects the winners of what it kept.
   */
  private void claimKeys(Object names, String phone, int slot, boolean older) {
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
    indexKeys();
    return usernames.contestedKeys() + phoneIndex.contestedKeys();
  }

  /**
   * Whether two entries may hold one username: false only if every username is held by one
   * entry at most.
   */
  public boolean usernamesMayRepeat() {
    indexKeys();
    return usernames.contestedKeys() > 0;
  }

  /**
   * Pyrogram's TTL rule: expired when {@code abs(now - lastUpdateOn) > ttl}, strictly, so an
   * entry from the future expires too. Compared unsigned so extreme timestamps cannot overflow.
   */
  public static boolean expired(long lastUpdateOn, long now, long ttlSeconds) {
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
