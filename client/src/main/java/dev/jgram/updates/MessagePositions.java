package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Where each message of a difference stands in its box: the pts after it.
 *
 * <p>A difference moves a box from {@code from} (the pts it was asked from) to {@code to} (its
 * state's, or the channel difference's, pts). Its messages are in pts order and each took one
 * pts ({@code pts_count} 1 of the {@code updateNewMessage} that would have carried it); its other
 * updates of the same box say where they stood ({@code pts}, {@code pts_count}). So the
 * messages fill, in order, the positions of {@code (from, to]} that no other update takes:
 *
 * <pre>
 * from 100, to 104, other_updates: updateDeleteMessages(pts 103, pts_count 2)
 * positions   101   102   103   104
 * taken by    msg1  del   del   msg2      → msg1 at 101, msg2 at 104
 * </pre>
 *
 * <p>That is known only when the free positions are exactly as many as the messages; otherwise
 * (the server left out updates this account cannot see, or the answer is a too-long one) no
 * message gets a position.
 */
final class MessagePositions {
  /** Beyond this many positions not taken by the messages, the answer is not trusted. */
  private static final long MAX_OTHER_POSITIONS = 1_000_000;

  private MessagePositions() {}

  /**
   * The pts after each of {@code messages} messages, in order, or empty when the difference does
   * not say.
   *
   * @param key the box the messages are in; only {@code others} of this box take positions
   */
  static Optional<int[]> of(int from, int to, int messages, List<TlObject> others,
      BoxKey key) {
    long span = (long) to - from;
    if (messages == 0 || span < messages || span - messages > MAX_OTHER_POSITIONS) {
      return Optional.empty();
    }
    long claimed = messages;
    for (TlObject update : others) {
      claimed += PtsInfo.of(update).filter(i -> i.key().equals(key)).map(PtsInfo::count)
          .orElse(0);
    }
    if (claimed < span) {
      return Optional.empty();
    }
    BitSet taken = new BitSet((int) span);
    for (TlObject update : others) {
      PtsInfo.of(update).filter(i -> i.key().equals(key)).ifPresent(i -> take(taken, from, to, i));
    }
    if (span - taken.cardinality() != messages) {
      return Optional.empty();
    }
    int[] positions = new int[messages];
    int free = taken.nextClearBit(0);
    for (int m = 0; m < messages; m++, free = taken.nextClearBit(free + 1)) {
      positions[m] = from + 1 + free;
    }
    return Optional.of(positions);
  }

  /** Marks the positions an update took inside {@code (from, to]}. */
  private static void take(BitSet taken, int from, int to, PtsInfo info) {
    int first = Math.max(info.before() + 1, from + 1);
    int last = Math.min(info.pts(), to);
    if (first <= last) {
      taken.set(first - from - 1, last - from);
    }
  }
}
