package dev.jgram.testdc.services;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The faults tests have armed: pending FLOOD_WAITs by method and pushes to drop by user. */
final class FaultTable {
  private final Map<String, int[]> floodWaits = new HashMap<>();
  private final Map<Long, Integer> drops = new HashMap<>();

  void floodWait(String method, int seconds, int calls) {
    if (calls <= 0) {
      floodWaits.remove(method);
    } else {
      floodWaits.put(method, new int[] {seconds, calls});
    }
  }

  /** The wait for this call of {@code method}, if one is armed; counts the call. */
  OptionalInt takeFloodWait(String method) {
    int[] wait = floodWaits.get(method);
    if (wait == null) {
      return OptionalInt.empty();
    }
    if (--wait[1] == 0) {
      floodWaits.remove(method);
    }
    return OptionalInt.of(wait[0]);
  }

  void dropPushes(long userId, int count) {
    if (count <= 0) {
      drops.remove(userId);
    } else {
      drops.put(userId, count);
    }
  }

  /** Whether the next push to the user is to be dropped; counts it. */
  boolean takeDrop(long userId) {
    Integer left = drops.get(userId);
    if (left == null) {
      return false;
    }
    if (left == 1) {
      drops.remove(userId);
    } else {
      drops.put(userId, left - 1);
    }
    return true;
  }
}
