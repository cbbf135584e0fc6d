package dev.jgram.mtproto.session;

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

  private static final int FIRST_LENGTH = 8;

  private final int capacity;
  /**
   * The kept ids in ascending order, with their seqnos, as a ring: logical index i is at
   * {@code (head + i) & (ids.length - 1)}. Lengths are powers of two, grown on demand up to
   * the first one above the capacity, so a session holds 12 bytes per kept id and a new
   * message allocates nothing.
   */
  private long[] ids = new long[FIRST_LENGTH];
  private int[] seqNos = new int[FIRST_LENGTH];
  private int head;
  private int size;

  ReceivedIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("received-id window of " + capacity + "; at least 1");
    }
    this.capacity = capacity;
  }

  Verdict classify(long msgId) {
    if (find(msgId) >= 0) {
      return Verdict.DUPLICATE;
    }
    if (size >= capacity && msgId < id(0)) {
      return Verdict.TOO_OLD;
    }
    return Verdict.NEW;
  }

  /** Keeps {@code msgId}, dropping the lowest id when the window is full. */
  void record(long msgId, int seqNo) {
    int at = find(msgId);
    if (at >= 0) {
      seqNos[slot(at)] = seqNo;
      return;
    }
    insert(-at - 1, msgId, seqNo);
    while (size > capacity) {
      head = (head + 1) & (ids.length - 1);
      size--;
    }
  }

  /** The seqno a kept id came with, or null. */
  Integer seqNo(long msgId) {
    int at = find(msgId);
    return at < 0 ? null : seqNos[slot(at)];
  }

  boolean contains(long msgId) {
    return find(msgId) >= 0;
  }

  /**
   * Whether {@code seqNo} fits between the kept messages around {@code msgId}: no earlier id
   * with a higher (or equal and odd) seqno, no later one with a lower (or equal and odd) one.
   */
  Order order(long msgId, int seqNo) {
    int at = find(msgId);
    int before = at >= 0 ? at - 1 : -at - 2;
    int after = at >= 0 ? at + 1 : -at - 1;
    if (before >= 0 && clashes(seqNos[slot(before)], seqNo)) {
      return Order.TOO_LOW;
    }
    if (after < size && clashes(seqNo, seqNos[slot(after)])) {
      return Order.TOO_HIGH;
    }
    return Order.OK;
  }

  /**
   * The msgs_state_info status of {@code msgId} as far as this window knows: 1 below the kept
   * range, 2 inside it but not received, 3 above it, 4 received.
   */
  int state(long msgId) {
    if (find(msgId) >= 0) {
      return 4;
    }
    if (size == 0 || msgId < id(0)) {
      return 1;
    }
    return msgId > id(size - 1) ? 3 : 2;
  }

  void clear() {
    ids = new long[FIRST_LENGTH];
    seqNos = new int[FIRST_LENGTH];
    head = 0;
    size = 0;
  }

  private long id(int index) {
    return ids[slot(index)];
  }

  private int slot(int index) {
    return (head + index) & (ids.length - 1);
  }

  /** The logical index of {@code msgId}, or {@code -(insertion point) - 1}. */
  private int find(long msgId) {
    if (size > 0 && msgId > id(size - 1)) {
      return -size - 1; // the usual case: a new id above every kept one
    }
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long value = id(mid);
      if (value < msgId) {
        low = mid + 1;
      } else if (value > msgId) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -low - 1;
  }

  private void insert(int at, long msgId, int seqNo) {
    if (size == ids.length) {
      grow();
    }
    for (int i = size; i > at; i--) {
      ids[slot(i)] = ids[slot(i - 1)];
      seqNos[slot(i)] = seqNos[slot(i - 1)];
    }
    ids[slot(at)] = msgId;
    seqNos[slot(at)] = seqNo;
    size++;
  }

  /** Doubles the ring, unrolled so that the lowest id is at slot 0. */
  private void grow() {
    long[] moreIds = new long[ids.length * 2];
    int[] moreSeqNos = new int[ids.length * 2];
    for (int i = 0; i < size; i++) {
      moreIds[i] = ids[slot(i)];
      moreSeqNos[i] = seqNos[slot(i)];
    }
    ids = moreIds;
    seqNos = moreSeqNos;
    head = 0;
  }

  private static boolean clashes(int earlier, int later) {
    return earlier > later || (earlier == later && (later & 1) == 1);
  }
}
