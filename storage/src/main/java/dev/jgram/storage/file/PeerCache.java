package dev.jgram.storage.file;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.index.LongKeyMap;

/**
 * A bounded, write-through cache in front of a file's peers table, answering warm id,
 * username and phone lookups without SQLite.
 *
 * <p>Entries live in {@link PeerSlots} columns (id, type, hash and time; no object per entry).
 * The username and phone maps point at the slot of the entry that <em>wins</em> that key (the
 * newest entry), so they are filled only by the writes that go through this cache and by
 * lookups that asked SQLite; loading a peer by id never claims its usernames, because an older
 * entry of a peer that is not cached could be the winner. A slot remembers only the keys that
 * were claimed for it (usually none), so the cache keeps no strings for peers nobody looked up
 * by name. A map hit is used only if its slot still claims the key; a slot's claims are dropped
 * whenever its peer is rewritten or evicted, and anything else falls back to SQLite. When full,
 * the slot under a moving clock hand is given to the new peer. Ids SQLite reported absent are
 * remembered until written, so a repeated miss costs no query either.
 */
final class PeerCache {
  /** A peer as read from SQLite, on its way into the cache: its address (id, type, hash), time. */
  record Entry(long id, PeerType type, long accessHash, long lastUpdateOn) {
    /** The input peer a client sends. */
    InputPeer input() {
      return InputPeer.of(id, type, accessHash);
    }
  }

  private final PeerSlots slots;
  private final SlotClaims claims = new SlotClaims();
  private LongKeyMap<Boolean> missing;
  private int hand;

  PeerCache(int capacity) {
    this.slots = new PeerSlots(capacity);
  }

  /** The slot of {@code id}, or -1. */
  int slotOf(long id) {
    return slots.slotOf(id);
  }

  /** The input peer of the entry in {@code slot}. */
  InputPeer input(int slot) {
    return slots.input(slot);
  }

  /** When the entry in {@code slot} was written, in unix seconds. */
  long lastUpdateOn(int slot) {
    return slots.lastUpdateOn(slot);
  }

  /** Whether SQLite said {@code id} is absent and no write of it went through since. */
  boolean knownMissing(long id) {
    return missing != null && missing.size() > 0 && missing.get(id) != null;
  }

  /** Records that SQLite has no peer {@code id} (at most as many ids as the capacity). */
  void missed(long id) {
    if (slots.limit() == 0) {
      return;
    }
    if (missing == null) {
      missing = new LongKeyMap<>();
    } else if (missing.size() >= slots.limit()) {
      missing.clear();
    }
    missing.put(id, Boolean.TRUE);
  }

  /** The slot of the cached winner of {@code username}, or -1 if SQLite must be asked. */
  int slotOfUsername(String username) {
    return claims.slotOfUsername(username);
  }

  /** The slot of the cached winner of {@code phone}, or -1 if SQLite must be asked. */
  int slotOfPhone(String phone) {
    return claims.slotOfPhone(phone);
  }

  /** Caches an entry read by id; claims no usernames or phone. */
  void loaded(Entry e) {
    store(e.id(), e.type(), e.accessHash(), e.lastUpdateOn());
  }

  /** Caches the winner SQLite named for a username. */
  void loadedForUsername(Entry e, String username) {
    int slot = store(e.id(), e.type(), e.accessHash(), e.lastUpdateOn());
    if (slot >= 0) {
      claims.claimUsername(username, slot);
    }
  }

  /** Caches the winner SQLite named for a phone number. */
  void loadedForPhone(Entry e, String phone) {
    int slot = store(e.id(), e.type(), e.accessHash(), e.lastUpdateOn());
    if (slot >= 0) {
      claims.claimPhone(phone, slot);
    }
  }

  /**
   * Records a committed write of {@code p} (in write order). Its keys are claimed where the
   * current cached owner is not newer; where no owner is cached, SQLite decides at the next
   * lookup.
   */
  void written(Peer p) {
    if (missing != null && missing.size() > 0) {
      missing.remove(p.id());
    }
    long hash = p.accessHash() == null ? 0 : p.accessHash();
    int slot = store(p.id(), p.type(), hash, p.lastUpdateOn());
    if (slot < 0) {
      return;
    }
    for (String u : p.usernames()) {
      int owner = claims.slotOfUsername(u);
      if (owner >= 0 && slots.lastUpdateOn(owner) <= p.lastUpdateOn()) {
        claims.claimUsername(u, slot);
      }
    }
    String phone = p.phoneNumber();
    if (phone != null) {
      int owner = claims.slotOfPhone(phone);
      if (owner >= 0 && slots.lastUpdateOn(owner) <= p.lastUpdateOn()) {
        claims.claimPhone(phone, slot);
      }
    }
  }

  void clear() {
    missing = null;
    slots.clear();
    claims.clear();
    hand = 0;
  }

  int size() {
    return slots.size();
  }

  /**
   * Puts an entry in its peer's slot (dropping the slot's claims), in a new slot, or, when the
   * cache is full, in the slot under the clock hand; returns the slot, or -1 when the cache
   * holds nothing.
   */
  private int store(long id, PeerType type, long hash, long lastUpdateOn) {
    int slot = slots.slotOf(id);
    if (slot >= 0) {
      claims.release(slot);
      slots.set(slot, type, hash, lastUpdateOn);
    } else if (slots.size() < slots.limit()) {
      slot = slots.add(id, type, hash, lastUpdateOn);
    } else if (slots.limit() > 0) {
      slot = hand;
      hand = (hand + 1) % slots.limit();
      claims.release(slot);
      slots.reassign(slot, id, type, hash, lastUpdateOn);
    }
    return slot;
  }
}
