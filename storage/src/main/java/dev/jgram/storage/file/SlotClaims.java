package dev.jgram.storage.file;

import dev.jgram.storage.index.StringSlotMap;
import java.util.Arrays;

/**
 * The username and phone claims of a {@link PeerCache}'s slots: which slot wins each key, and
 * which keys each slot won, so that they are dropped with it.
 *
 * <p>Both directions are kept: a {@link StringSlotMap} per kind of key, and per slot the
 * usernames it claimed (null, one string, or an array) and the phone it claimed. Nothing is
 * allocated until a first claim, and the per-slot columns only grow to the highest slot that
 * claimed something. A key answers only while its slot still lists it. Not thread-safe.
 */
final class SlotClaims {
  private static final Object[] NO_NAMES = {};
  private static final String[] NO_PHONES = {};

  private StringSlotMap usernames;
  private StringSlotMap phones;
  private Object[] namesOf = NO_NAMES;
  private String[] phoneOf = NO_PHONES;

  /** The slot that claimed {@code username}, or -1. */
  int slotOfUsername(String username) {
    int slot = usernames == null ? -1 : usernames.get(username);
    return slot >= 0 && slot < namesOf.length && contains(namesOf[slot], username) ? slot : -1;
  }

  /** The slot that claimed {@code phone}, or -1. */
  int slotOfPhone(String phone) {
    int slot = phones == null ? -1 : phones.get(phone);
    return slot >= 0 && slot < phoneOf.length && phone.equals(phoneOf[slot]) ? slot : -1;
  }

  /** Makes {@code slot} the winner of {@code username}. */
  void claimUsername(String username, int slot) {
    if (usernames == null) {
      usernames = new StringSlotMap();
    }
    usernames.put(username, slot);
    if (slot >= namesOf.length) {
      namesOf = Arrays.copyOf(namesOf, grownLength(namesOf.length, slot));
    }
    namesOf[slot] = plus(namesOf[slot], username);
  }

  /** Makes {@code slot} the winner of {@code phone} (a slot claims one phone at most). */
  void claimPhone(String phone, int slot) {
    if (phones == null) {
      phones = new StringSlotMap();
    }
    if (slot >= phoneOf.length) {
      phoneOf = Arrays.copyOf(phoneOf, grownLength(phoneOf.length, slot));
    }
    String old = phoneOf[slot];
    if (old != null && !old.equals(phone)) {
      phones.removeIfSlot(old, slot);
    }
    phones.put(phone, slot);
    phoneOf[slot] = phone;
  }

  /** Drops every claim of {@code slot}, where it is still the winner. */
  void release(int slot) {
    if (slot < namesOf.length && namesOf[slot] != null) {
      Object names = namesOf[slot];
      namesOf[slot] = null;
      if (names instanceof String one) {
        usernames.removeIfSlot(one, slot);
      } else {
        for (String name : (String[]) names) {
          usernames.removeIfSlot(name, slot);
        }
      }
    }
    if (slot < phoneOf.length && phoneOf[slot] != null) {
      phones.removeIfSlot(phoneOf[slot], slot);
      phoneOf[slot] = null;
    }
  }

  /** Drops every claim and gives the memory back. */
  void clear() {
    usernames = null;
    phones = null;
    namesOf = NO_NAMES;
    phoneOf = NO_PHONES;
  }

  private static int grownLength(int length, int slot) {
    return Math.max(slot + 1, Math.max(16, length + (length >> 1)));
  }

  private static Object plus(Object names, String name) {
    if (names == null) {
      return name;
    }
    if (contains(names, name)) {
      return names;
    }
    String[] old = names instanceof String one ? new String[] {one} : (String[]) names;
    String[] grown = Arrays.copyOf(old, old.length + 1);
    grown[old.length] = name;
    return grown;
  }

  private static boolean contains(Object names, String name) {
    if (names instanceof String one) {
      return one.equals(name);
    }
    if (names == null) {
      return false;
    }
    for (String n : (String[]) names) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
