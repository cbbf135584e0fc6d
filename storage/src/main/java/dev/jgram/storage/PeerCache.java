package dev.jgram.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded, write-through cache in front of a file's peers table, answering warm id,
 * username and phone lookups without SQLite.
 *
 * <p>Entries are compact (id, type, hash and time as primitives, and the usernames and phone
 * the entry is known to carry) in an open-addressing map keyed by primitive id. The
 * username and phone maps point at the entry that <em>wins</em> that key (the newest entry),
 * so they are filled only by the writes that go through this cache and by lookups that asked
 * SQLite; loading a peer by id never claims its usernames, because an older entry of a peer
 * that is not cached could be the winner. A map hit is used only if the entry is still cached
 * and still carries the key; anything else falls back to SQLite. When full, an entry chosen by
 * a moving clock hand is evicted (with its map keys). Ids SQLite reported absent are
 * remembered until written, so a repeated miss costs no query either.
 */
final class PeerCache {
  /**
   * One cached peer: its address (id, type, hash) and time as primitives, plus the usernames
   * and phone it is known to carry (maybe not all of them).
   */
  static final class Entry {
    private static final PeerType[] TYPES = PeerType.values();

    final long id;
    final long accessHash;
    final byte type;
    final long lastUpdateOn;
    final List<String> usernames;
    final String phone;

    Entry(long id, PeerType type, long accessHash, long lastUpdateOn, List<String> usernames,
        String phone) {
      this.id = id;
      this.accessHash = accessHash;
      this.type = (byte) type.ordinal();
      this.lastUpdateOn = lastUpdateOn;
      this.usernames = usernames;
      this.phone = phone;
    }

    /** The input peer a client sends, built on demand (cheaper than keeping one per peer). */
    InputPeer input() {
      return InputPeer.of(id, TYPES[type], accessHash);
    }
  }

  private final int capacity;
  private final LongKeyMap<Entry> byId = new LongKeyMap<>();
  private final Map<String, Entry> byUsername = new HashMap<>();
  private final Map<String, Entry> byPhone = new HashMap<>();
  private final LongKeyMap<Boolean> missing = new LongKeyMap<>();
  private int hand;

  PeerCache(int capacity) {
    this.capacity = capacity;
  }

  Entry byId(long id) {
    return byId.get(id);
  }

  /** Whether SQLite said {@code id} is absent and no write of it went through since. */
  boolean knownMissing(long id) {
    return missing.size() > 0 && missing.get(id) != null;
  }

  /** Records that SQLite has no peer {@code id} (at most as many ids as the capacity). */
  void missed(long id) {
    if (capacity == 0) {
      return;
    }
    if (missing.size() >= capacity) {
      missing.clear();
    }
    missing.put(id, Boolean.TRUE);
  }

  /** The cached winner of {@code username}, or null if SQLite must be asked. */
  Entry byUsername(String username) {
    Entry e = byUsername.get(username);
    return e != null && byId.get(e.id) == e && e.usernames.contains(username) ? e : null;
  }

  /** The cached winner of {@code phone}, or null if SQLite must be asked. */
  Entry byPhone(String phone) {
    Entry e = byPhone.get(phone);
    return e != null && byId.get(e.id) == e && phone.equals(e.phone) ? e : null;
  }

  /** Caches an entry read by id; claims no usernames or phone. */
  void loaded(Entry entry) {
    if (capacity == 0) {
      return;
    }
    forget(entry.id);
    insert(entry);
  }

  /** Caches the winner SQLite named for a username. */
  void loadedForUsername(Entry entry, String username) {
    loaded(entry);
    if (capacity > 0) {
      byUsername.put(username, entry);
    }
  }

  /** Caches the winner SQLite named for a phone number. */
  void loadedForPhone(Entry entry, String phone) {
    loaded(entry);
    if (capacity > 0) {
      byPhone.put(phone, entry);
    }
  }

  /**
   * Records a write of {@code entry} (in write order). Its keys are claimed where the current
   * cached owner is not newer; where no owner is cached, SQLite decides at the next lookup.
   */
  void written(Entry entry) {
    if (missing.size() > 0) {
      missing.remove(entry.id);
    }
    forget(entry.id);
    if (capacity == 0) {
      return;
    }
    insert(entry);
    for (String u : entry.usernames) {
      claim(byUsername, u, entry);
    }
    if (entry.phone != null) {
      claim(byPhone, entry.phone, entry);
    }
  }

  void clear() {
    missing.clear();
    byId.clear();
    byUsername.clear();
    byPhone.clear();
  }

  int size() {
    return byId.size();
  }

  private static void claim(Map<String, Entry> map, String key, Entry entry) {
    Entry owner = map.get(key);
    if (owner != null && owner.lastUpdateOn <= entry.lastUpdateOn) {
      map.put(key, entry);
    }
  }

  private void insert(Entry entry) {
    if (byId.size() >= capacity) {
      evictOne();
    }
    byId.put(entry.id, entry);
  }

  private void forget(long id) {
    Entry old = byId.remove(id);
    if (old != null) {
      release(old);
    }
  }

  private void evictOne() {
    Entry victim = byId.valueAtOrAfter(hand++);
    if (victim != null) {
      byId.remove(victim.id);
      release(victim);
    }
  }

  /** Drops the map keys that point at {@code e}. */
  private void release(Entry e) {
    for (String u : e.usernames) {
      byUsername.remove(u, e);
    }
    if (e.phone != null) {
      byPhone.remove(e.phone, e);
    }
  }
}
