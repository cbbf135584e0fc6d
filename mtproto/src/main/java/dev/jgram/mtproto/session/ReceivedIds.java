package dev.jgram.mtproto.session;

import java.util.Map;
import java.util.TreeMap;

/**
 * The last {@code capacity} message ids received in one session, each with its seqno: tells a
 * new id from a replayed one, one too old to tell, and checks seqno order (§3.4 checks 5 and 9).
 */
final class ReceivedIds {
  /** What {@link #classify} found. */
  enum Verdict {
    /** Not seen, and not lower than every id kept while the window is full. */
    NEW,
    /** Equal to an id kept. */
    DUPLICATE,
    /** Lower than every id kept while the window is full: cannot tell whether it was seen. */
    TOO_OLD
  }

  /** A seqno order failure: the given seqno is too low (32) or too high (33). */
  enum Order {
    OK,
    TOO_LOW,
    TOO_HIGH
  }

  private final int capacity;
  private final TreeMap<Long, Integer> ids = new TreeMap<>();

  ReceivedIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("received-id window of " + capacity + "; at least 1");
    }
    this.capacity = capacity;
  }

  Verdict classify(long msgId) {
    if (ids.containsKey(msgId)) {
      return Verdict.DUPLICATE;
    }
    if (ids.size() >= capacity && msgId < ids.firstKey()) {
      return Verdict.TOO_OLD;
    }
    return Verdict.NEW;
  }

  /** Keeps {@code msgId}, dropping the lowest id when the window is full. */
  void record(long msgId, int seqNo) {
    ids.put(msgId, seqNo);
    while (ids.size() > capacity) {
      ids.pollFirstEntry();
    }
  }

  /** The seqno a kept id came with, or null. */
  Integer seqNo(long msgId) {
    return ids.get(msgId);
  }

  boolean contains(long msgId) {
    return ids.containsKey(msgId);
  }

  /**
   * Whether {@code seqNo} fits between the kept messages around {@code msgId}: no earlier id
   * with a higher (or equal and odd) seqno, no later one with a lower (or equal and odd) one.
   */
  Order order(long msgId, int seqNo) {
    Map.Entry<Long, Integer> before = ids.lowerEntry(msgId);
    if (before != null && clashes(before.getValue(), seqNo)) {
      return Order.TOO_LOW;
    }
    Map.Entry<Long, Integer> after = ids.higherEntry(msgId);
    if (after != null && clashes(seqNo, after.getValue())) {
      return Order.TOO_HIGH;
    }
    return Order.OK;
  }

  /**
   * The msgs_state_info status of {@code msgId} as far as this window knows: 1 below the kept
   * range, 2 inside it but not received, 3 above it, 4 received.
   */
  int state(long msgId) {
    if (ids.containsKey(msgId)) {
      return 4;
    }
    if (ids.isEmpty() || msgId < ids.firstKey()) {
      return 1;
    }
    return msgId > ids.lastKey() ? 3 : 2;
  }

  void clear() {
    ids.clear();
  }

  private static boolean clashes(int earlier, int later) {
    return earlier > later || (earlier == later && (later & 1) == 1);
  }
}
