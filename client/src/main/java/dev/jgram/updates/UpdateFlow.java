package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushed containers through the gap rules (spec §8.2): the seq check for the container, then
 * each pts/qts update against its own box (sorted by where its box stood before it, since
 * Telegram may list them out of order), then the updates of no box.
 *
 * <p>Beyond grammers' message box: while the account difference is being fetched, whole
 * containers wait ({@link Boxes#postponed}) and go through these rules once it is answered, so
 * an update the difference already brought is ignored rather than delivered twice (core
 * .telegram.org/api/updates: "postpone updates received via the socket while filling gaps").
 * The same holds for one channel's updates while its difference is fetched.
 */
final class UpdateFlow {
  private final Boxes boxes;

  UpdateFlow(Boxes boxes) {
    this.boxes = boxes;
  }

  List<Delivery> process(Container container) {
    if (container.tooLong()) {
      boxes.beginAccountDiff();
      return List.of();
    }
    if (boxes.accountDiff) {
      boxes.postponed.add(container);
      return List.of();
    }
    if (!boxes.needState) {
      GapRule verdict = GapRule.seq(boxes.seq, container.seqStart());
      if (verdict == GapRule.IGNORE) {
        return List.of();
      }
      if (verdict == GapRule.GAP) {
        boxes.beginAccountDiff();
        boxes.postponed.add(container);
        return List.of();
      }
    }
    if (missesPeers(container)) {
      boxes.beginAccountDiff();
      boxes.postponed.add(container.withoutPeers());
      return List.of();
    }
    if (container.date() != 0) {
      boxes.date = container.date();
    }
    if (container.seq() != 0) {
      boxes.seq = container.seq();
    }
    return deliver(container.updates());
  }

  /**
   * Whether a short message that would be applied names a user or chat the client has not cached
   * (spec §8.3: fetch the difference instead, which carries them). An update already applied is
   * ignored as usual; without a state yet there is no difference to fetch.
   */
  private boolean missesPeers(Container container) {
    if (container.peers().length == 0 || boxes.needState) {
      return false;
    }
    for (TlObject update : container.updates()) {
      PtsInfo info = PtsInfo.of(update).orElse(null);
      Box box = info == null ? null : boxes.entries.get(info.key());
      if (box != null && GapRule.pts(box.pts, info.count(), info.pts()) == GapRule.IGNORE) {
        return false;
      }
    }
    for (long peer : container.peers()) {
      if (!boxes.cached.test(peer)) {
        return true;
      }
    }
    return false;
  }

  /** Applies updates that passed the seq check (or have none): boxed first, then the rest. */
  List<Delivery> deliver(List<TlObject> updates) {
    List<Delivery> out = new ArrayList<>();
    List<TlObject> plain = new ArrayList<>();
    for (TlObject update : sortedByBox(updates)) {
      Optional<PtsInfo> info = PtsInfo.of(update);
      if (info.isPresent()) {
        applyBoxed(update, info.get(), out);
      } else {
        plain.add(update);
      }
    }
    drainGaps(out);
    for (TlObject update : plain) {
      applyPlain(update, out);
    }
    return out;
  }

  /**
   * The pts/qts updates first, each by where its box stood before it; the rest after, in the
   * order received (a stable sort on a key computed once per update).
   */
  static List<TlObject> sortedByBox(List<TlObject> updates) {
    if (updates.size() < 2) {
      return updates;
    }
    long[] keyed = new long[updates.size()];
    for (int i = 0; i < keyed.length; i++) {
      long before = PtsInfo.of(updates.get(i)).map(PtsInfo::before).orElse(Integer.MAX_VALUE);
      keyed[i] = (before << 32) | i; // before may be negative: the signed shift keeps the order
    }
    java.util.Arrays.sort(keyed);
    List<TlObject> sorted = new ArrayList<>(keyed.length);
    for (long k : keyed) {
      sorted.add(updates.get((int) k));
    }
    return sorted;
  }

  void applyBoxed(TlObject update, PtsInfo info, List<Delivery> out) {
    Box box = boxes.entries.get(info.key());
    if (box == null) {
      if (!info.key().isAccount()) {
        boxes.create(info.key(), info.pts());
      }
      boxes.emit(out, update, info.key());
      return;
    }
    box.deadline = boxes.now().plus(Boxes.NO_UPDATES_TIMEOUT);
    if (box.fetching) {
      box.queued.add(update);
      return;
    }
    switch (GapRule.pts(box.pts, info.count(), info.pts())) {
      case APPLY -> {
        box.pts = info.pts();
        boxes.emit(out, update, info.key());
      }
      case IGNORE -> { }
      case GAP -> box.hold(update, boxes.now().plus(Boxes.POSSIBLE_GAP_TIMEOUT));
    }
  }

  /** Tries the held updates of every box with a possible gap: a filled gap lets them through. */
  void drainGaps(List<Delivery> out) {
    for (Map.Entry<BoxKey, Box> e : boxes.entries.entrySet()) {
      Box box = e.getValue();
      if (box.gapDeadline == null || box.fetching) {
        continue;
      }
      Instant gapDeadline = box.gapDeadline;
      List<TlObject> held = sortedByBox(box.takeHeld());
      for (TlObject update : held) {
        PtsInfo info = PtsInfo.of(update).orElseThrow();
        switch (GapRule.pts(box.pts, info.count(), info.pts())) {
          case APPLY -> {
            box.pts = info.pts();
            boxes.emit(out, update, e.getKey());
          }
          case IGNORE -> { }
          case GAP -> box.hold(update, gapDeadline);
        }
      }
    }
  }

  /** An update of no box; {@code updateChannelTooLong} starts that channel's difference. */
  void applyPlain(TlObject update, List<Delivery> out) {
    if (update.name().equals("updateChannelTooLong")) {
      BoxKey key = BoxKey.channel(update.longValue("channel_id"));
      if (boxes.entries.containsKey(key)) {
        boxes.beginChannelDiff(key);
        return;
      }
    }
    boxes.emit(out, update, null);
  }
}
