package dev.jgram.storage.index;

import dev.jgram.storage.index.StringSlotMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PeerIndex}'s index from a username (or a phone number) to the {@link PeerColumns}
 * slot of the peer that wins it: the newest of the peers holding it by last_update_on, ties
 * to the later write ({@link PeerColumns#newer}), as every engine answers.
 *
 * <p>Almost every key has one holder only, and for it the index is one {@link StringSlotMap}
 * probe per write. A key becomes <em>contested</em> when a peer claims it while the map
 * points at another slot; from then on its holders are remembered in a small set, so that
 * when the winner drops the key, or is rewritten with an older timestamp, the next newest
 * holder takes over without scanning the table. The set may keep slots that have dropped the
 * key since; each re-election checks the columns and prunes them, and a key with at most one
 * holder left is uncontested again.
 *
 * <p>Invariants: the map points at a holder of the key; a key that is not contested has no
 * holder but the slot it maps to; the set of a contested key holds every holder.
 *
 * <p>Not thread-safe; its {@link PeerIndex}'s owner guards it. Lookups read only the map (see
 * {@link StringSlotMap} for reads on a torn view); the sets are used by writes alone.
 */
final class ClaimIndex {
  private final StringSlotMap map = new StringSlotMap();
  private final Map<String, Set<Integer>> contested = new HashMap<>();
  private final PeerColumns columns;
  private final boolean phones;

  /**
   * An index of the usernames, or with {@code phones} set of the phone numbers, that the
   * entries in {@code columns} hold.
   */
  ClaimIndex(PeerColumns columns, boolean phones) {
    this.columns = columns;
    this.phones = phones;
  }

  /** The slot that wins {@code key}, or -1. */
  int get(String key) {
    return map.get(key);
  }

  /** How many keys are contested (have had two holders or more since they were last free). */
  int contestedKeys() {
    return contested.size();
  }

  /** Makes room for {@code more} new keys. */
  void reserve(int more) {
    map.reserve(more);
  }

  /** Reads the home position of {@code key} (see {@link StringSlotMap#touch}). */
  long touch(String key) {
    return map.touch(key);
  }

  /** Records that {@code slot}, whose new entry is already written, holds {@code key}. */
  void claim(String key, int slot) {
    int previous = map.put(key, slot);
    if (previous >= 0 && previous != slot) {
      Set<Integer> holders = contested.computeIfAbsent(key, k -> new HashSet<>());
      holders.add(previous);
      holders.add(slot);
      if (columns.newer(previous, slot)) {
        map.put(key, previous);
      }
    }
  }

  /**
   * Records that {@code slot} drops {@code key}, before its entry is rewritten; if it won the
   * key, the next newest holder wins it now.
   */
  void release(String key, int slot) {
    if (map.removeIfSlot(key, slot) && !contested.isEmpty()) {
      Set<Integer> holders = contested.get(key);
      if (holders != null) {
        holders.remove(slot);
        elect(key, holders);
      }
    }
  }

  /**
   * Re-elects the winner of {@code key}, which {@code slot} keeps, after the slot was rewritten
   * with an older timestamp than before: if it won the key, an older holder may win it now.
   */
  void recheck(String key, int slot) {
    if (!contested.isEmpty() && map.get(key) == slot) {
      Set<Integer> holders = contested.get(key);
      if (holders != null) {
        holders.add(slot);
        elect(key, holders);
      }
    }
  }

  /** Points the map at the newest remaining holder, pruning slots that dropped the key. */
  private void elect(String key, Set<Integer> holders) {
    int best = -1;
    for (Iterator<Integer> it = holders.iterator(); it.hasNext(); ) {
      int holder = it.next();
      if (!holds(holder, key)) {
        it.remove();
      } else if (best < 0 || columns.newer(holder, best)) {
        best = holder;
      }
    }
    if (best >= 0) {
      map.put(key, best);
    }
    if (holders.size() <= 1) {
      contested.remove(key);
    }
  }

  private boolean holds(int slot, String key) {
    return phones ? key.equals(columns.phone(slot))
        : PeerColumns.usernameList(columns.names(slot)).contains(key);
  }
}
