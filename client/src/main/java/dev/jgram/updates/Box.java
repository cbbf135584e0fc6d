package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One live sequence: where it stands, when it times out, the updates held past a possible gap,
 * and, for a channel, whether its difference is being fetched and what arrived meanwhile.
 */
final class Box {
  /** The local pts (qts for the secondary box). */
  int pts;
  /** When to fetch the difference if no update for this box arrives before. */
  Instant deadline;
  /** When a possible gap becomes a real one; null while there is none. */
  Instant gapDeadline;
  /** Updates past the gap, waiting for the missing ones. */
  final List<TlObject> held = new ArrayList<>();
  /** Whether this channel's difference is wanted or in flight. */
  boolean fetching;
  /** Updates for this channel that arrived while its difference was being fetched. */
  final List<TlObject> queued = new ArrayList<>();

  Box(int pts, Instant deadline) {
    this.pts = pts;
    this.deadline = deadline;
  }

  /** Holds {@code update} past a possible gap; the first one held starts the gap's clock. */
  void hold(TlObject update, Instant gapDeadline) {
    if (this.gapDeadline == null) {
      this.gapDeadline = gapDeadline;
    }
    held.add(update);
  }

  /** Takes the held updates out and forgets the gap. */
  List<TlObject> takeHeld() {
    List<TlObject> taken = List.copyOf(held);
    held.clear();
    gapDeadline = null;
    return taken;
  }

  /** The earlier of the no-updates deadline and the gap's. */
  Instant nextDeadline() {
    return gapDeadline != null && gapDeadline.isBefore(deadline) ? gapDeadline : deadline;
  }
}
