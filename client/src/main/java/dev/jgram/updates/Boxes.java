package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/** The state every part of the {@link MessageBox} shares: the boxes, date, seq and flags. */
final class Boxes {
  static final Duration POSSIBLE_GAP_TIMEOUT = Duration.ofMillis(500);
  static final Duration NO_UPDATES_TIMEOUT = Duration.ofMinutes(15);
  /** The name of the internal update that only moves a box (an RPC's affected pts). */
  static final String PTS_ADVANCE = "jgram.ptsAdvance";

  private final InstantSource clock;
  final TreeMap<BoxKey, Box> entries = new TreeMap<>();
  int date;
  int seq;
  long selfUserId;
  /** No common state yet: {@code updates.getState} is wanted. */
  boolean needState;
  /** {@code updates.getDifference} is wanted or in flight. */
  boolean accountDiff;
  /** Containers that arrived while the account difference was being fetched. */
  final List<Container> postponed = new ArrayList<>();
  /** The deadline reported while no box exists. */
  Instant idleDeadline;
  /** Whether the client has a peer cached, by Pyrogram peer id; all are until told otherwise. */
  LongPredicate cached = id -> true;

  Boxes(InstantSource clock, long selfUserId) {
    this.clock = clock;
    this.selfUserId = selfUserId;
    this.idleDeadline = now().plus(NO_UPDATES_TIMEOUT);
  }

  Instant now() {
    return clock.instant();
  }

  Box create(BoxKey key, int pts) {
    Box box = new Box(pts, now().plus(NO_UPDATES_TIMEOUT));
    entries.put(key, box);
    return box;
  }

  /** Sets a box's pts, creating the box if needed. */
  void setPts(BoxKey key, int pts) {
    Box box = entries.get(key);
    if (box == null) {
      create(key, pts);
    } else {
      box.pts = pts;
    }
  }

  int pts(BoxKey key) {
    Box box = entries.get(key);
    return box == null ? 0 : box.pts;
  }

  UpdateState state() {
    return new UpdateState(pts(BoxKey.COMMON), pts(BoxKey.SECONDARY), date, seq);
  }

  /**
   * Adds the delivery of {@code update} to {@code out}, stamped with the state now; {@code key}
   * is the update's box, if any. An internal pts advance is not delivered.
   */
  void emit(List<Delivery> out, TlObject update, BoxKey key) {
    if (update.name().equals(PTS_ADVANCE)) {
      return;
    }
    Optional<ChannelPts> channel = key == null || key.isAccount() ? Optional.empty()
        : Optional.of(new ChannelPts(key.channelId(), pts(key)));
    out.add(new Delivery(update, state(), channel));
  }

  /**
   * Adds the delivery of a difference's message that stands at {@code pts} in box {@code key}
   * (the common box when null): its update and state say that pts, the rest of the state is the
   * box's now.
   */
  void emitAt(List<Delivery> out, TlObject update, BoxKey key, int pts) {
    if (key == null || key.isAccount()) {
      UpdateState now = state();
      out.add(new Delivery(update, new UpdateState(pts, now.qts(), now.date(), now.seq()),
          Optional.empty()));
    } else {
      out.add(new Delivery(update, state(), Optional.of(new ChannelPts(key.channelId(), pts))));
    }
  }

  /** Starts fetching the account difference; the held common and qts updates wait for it. */
  void beginAccountDiff() {
    if (needState || accountDiff) {
      return;
    }
    accountDiff = true;
    List<TlObject> held = new ArrayList<>();
    for (BoxKey key : List.of(BoxKey.COMMON, BoxKey.SECONDARY)) {
      Box box = entries.get(key);
      if (box != null) {
        held.addAll(box.takeHeld());
      }
    }
    if (!held.isEmpty()) {
      postponed.add(Container.of(held, 0, 0, 0));
    }
  }

  /** Starts fetching a known channel's difference; its held updates wait for it. */
  void beginChannelDiff(BoxKey key) {
    Box box = entries.get(key);
    if (box != null && !box.fetching) {
      box.fetching = true;
      box.queued.addAll(box.takeHeld());
    }
  }

  /** The channels whose difference is wanted, by id. */
  List<Map.Entry<BoxKey, Box>> fetchingChannels() {
    List<Map.Entry<BoxKey, Box>> channels = new ArrayList<>();
    for (Map.Entry<BoxKey, Box> e : entries.entrySet()) {
      if (e.getValue().fetching) {
        channels.add(e);
      }
    }
    return channels;
  }
}
