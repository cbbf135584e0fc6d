package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The update sequence rules of core.telegram.org/api/updates as a pure state machine (spec §8):
 * it holds pts (common and per channel), qts, seq and date, decides for every pushed update
 * whether to deliver it, ignore it (already applied) or hold it past a possible gap, and says
 * which request fills a gap. No I/O, no threads, no timers: time comes from the injected clock,
 * and timeouts are reported as a deadline.
 *
 * <p>A client drives it like this:
 *
 * <pre>{@code
 * MessageBox box = stored.isPresent()
 *     ? MessageBox.load(clock, selfId, stored.get(), storage.allChannelPts())  // getDifference
 *     : MessageBox.create(clock, selfId);                                      // getState
 * while (running) {
 *   for (UpdateRequest r : box.pendingRequests()) {     // one at a time, or channels in parallel
 *     if (r instanceof UpdateRequest.GetState s) {
 *       box.applyState(invoke(s.toTl()));
 *     } else if (r instanceof UpdateRequest.GetDifference d) {
 *       handle(box.applyDifference(invoke(d.toTl())));
 *     } else if (r instanceof UpdateRequest.GetChannelDifference c) {
 *       handle(box.applyChannelDifference(c.channelId(), invoke(c.toTl(hashOf(c.channelId())))));
 *     }
 *   }
 *   Instant wake = box.checkDeadlines();                 // now while a difference is wanted
 *   TlObject pushed = nextPushedUpdates(wake);           // null when the deadline passes first
 *   if (pushed != null) {
 *     handle(box.process(pushed));
 *   }
 * }
 * // handle(deliveries): ResultPeers.apply(storage, answer) first, then the handlers, then
 * // persist the last delivery's state() and channel() (or box.state() and box.channelPts()).
 * }</pre>
 *
 * <p>Differences from grammers' {@code MessageBoxes} (whose 17 scenarios the tests replay): a
 * fresh box asks for {@code updates.getState}; a loaded one asks for the account difference
 * only, not one per channel (spec §8.1); and updates arriving while a difference is fetched
 * wait for it instead of being delivered at once, so nothing is delivered twice.
 *
 * <p>Not thread-safe: one thread (the client's update loop) calls it.
 */
public final class MessageBox {
  /** How long a possible pts/qts gap may fill itself before the difference is fetched. */
  public static final Duration POSSIBLE_GAP_TIMEOUT = Boxes.POSSIBLE_GAP_TIMEOUT;
  /** After how long without updates for a box its difference is fetched. */
  public static final Duration NO_UPDATES_TIMEOUT = Boxes.NO_UPDATES_TIMEOUT;
  /** The {@code limit} of channel difference requests (spec: 10–100). */
  public static final int CHANNEL_DIFFERENCE_LIMIT = 100;

  private final Boxes boxes;
  private final UpdateFlow flow;
  private final DifferenceFlow differences;

  private MessageBox(InstantSource clock, long selfUserId) {
    this.boxes = new Boxes(Objects.requireNonNull(clock, "clock"), selfUserId);
    this.flow = new UpdateFlow(boxes);
    this.differences = new DifferenceFlow(boxes, flow);
  }

  /**
   * A box with no state (first login): it wants {@code updates.getState}, and delivers what
   * arrives meanwhile without checks.
   *
   * @param selfUserId the account's user id (the sender of outgoing short messages), 0 if unknown
   */
  public static MessageBox create(InstantSource clock, long selfUserId) {
    MessageBox box = new MessageBox(clock, selfUserId);
    box.boxes.needState = true;
    return box;
  }

  /**
   * A box resuming from a stored state: it wants {@code updates.getDifference} first.
   *
   * @param channelPts stored channel pts by bare channel id ({@code Storage.allChannelPts()})
   */
  public static MessageBox load(InstantSource clock, long selfUserId, UpdateState state,
      Map<Long, Integer> channelPts) {
    MessageBox box = new MessageBox(clock, selfUserId);
    box.setState(state.pts(), state.qts(), state.date(), state.seq());
    channelPts.forEach(box::knowChannel);
    box.boxes.accountDiff = true;
    return box;
  }

  /**
   * Tells the box which peers the client has cached, by Pyrogram peer id (a user's id, minus a
   * basic group's id). A pushed {@code updateShortMessage} or {@code updateShortChatMessage}
   * whose user or chat is not cached is not delivered as it is: the account difference is
   * fetched instead, which brings the message with its users and chats (spec §8.3), and the
   * push is then ignored as already applied. Until this is called every peer counts as cached.
   */
  public void cachedPeers(LongPredicate cached) {
    boxes.cached = Objects.requireNonNull(cached, "cached");
  }

  /** Sets the account's own user id once known (after login). */
  public void selfUserId(long selfUserId) {
    boxes.selfUserId = selfUserId;
  }

  /**
   * Takes one pushed {@code Updates} object ({@code updates}, {@code updatesCombined}, {@code
   * updateShort}, {@code updateShortMessage}, {@code updateShortChatMessage}, {@code
   * updatesTooLong}) and returns the updates to deliver now, in order.
   *
   * @throws IllegalArgumentException for any other constructor, naming it
   */
  public List<Delivery> process(TlObject updates) {
    return flow.process(ShortUpdates.normalize(updates, boxes.selfUserId));
  }

  /**
   * Takes the {@code Updates} result of a send request: an {@code updateShortSentMessage} is
   * expanded with the request (see {@link SentMessages}); any other shape as {@link #process}.
   */
  public List<Delivery> processSent(TlObject result, TlObject request) {
    if (!result.name().equals("updateShortSentMessage")) {
      return process(result);
    }
    return flow.process(SentMessages.expand(result, request, boxes.selfUserId));
  }

  /**
   * Takes a result that moves a box without an update ({@code messages.affectedMessages}, {@code
   * messages.affectedHistory}: any object with {@code pts} and {@code pts_count}), checked like
   * an update and never delivered.
   *
   * @param channelId the bare channel id when the call acted on a channel, else 0
   */
  public List<Delivery> processAffected(TlObject affected, long channelId) {
    TlObject advance = TlObject.of(Boxes.PTS_ADVANCE, "pts", affected.intValue("pts"),
        "pts_count", affected.intValue("pts_count"), "channel_id",
        channelId == 0 ? null : channelId);
    return flow.process(Container.of(List.of(advance), 0, 0, 0));
  }

  /** The requests wanted now, {@code getState} or {@code getDifference} first, then channels. */
  public List<UpdateRequest> pendingRequests() {
    List<UpdateRequest> requests = new ArrayList<>();
    if (boxes.needState) {
      requests.add(new UpdateRequest.GetState());
    } else if (boxes.accountDiff) {
      requests.add(new UpdateRequest.GetDifference(boxes.pts(BoxKey.COMMON),
          Math.max(boxes.date, 1), boxes.pts(BoxKey.SECONDARY)));
    }
    boxes.fetchingChannels().forEach(e -> requests.add(new UpdateRequest.GetChannelDifference(
        e.getKey().channelId(), e.getValue().pts, CHANNEL_DIFFERENCE_LIMIT)));
    return requests;
  }

  /** The first of {@link #pendingRequests()}, if any. */
  public Optional<UpdateRequest> nextRequest() {
    List<UpdateRequest> requests = pendingRequests();
    return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(0));
  }

  /**
   * Marks every box whose possible gap or no-updates period ran out as needing its difference,
   * and returns when to call again: now while a difference is wanted, else the nearest deadline.
   */
  public Instant checkDeadlines() {
    Instant now = boxes.now();
    for (Map.Entry<BoxKey, Box> e : boxes.entries.entrySet()) {
      if (!now.isBefore(e.getValue().nextDeadline())) {
        if (e.getKey().isAccount()) {
          boxes.beginAccountDiff();
        } else {
          boxes.beginChannelDiff(e.getKey());
        }
      }
    }
    if (boxes.accountDiff || !boxes.fetchingChannels().isEmpty()) {
      return now;
    }
    if (boxes.entries.isEmpty()) {
      if (!now.isBefore(boxes.idleDeadline)) {
        boxes.idleDeadline = now.plus(NO_UPDATES_TIMEOUT);
      }
      return boxes.idleDeadline;
    }
    return boxes.entries.values().stream().map(Box::nextDeadline).min(Instant::compareTo)
        .orElseThrow();
  }

  /** Takes the answer to {@code updates.getState} ({@code updates.state}). */
  public void applyState(TlObject state) {
    if (!state.name().equals("updates.state")) {
      throw new IllegalArgumentException("expected updates.state; got '" + state.name() + "'");
    }
    setState(state.intValue("pts"), state.intValue("qts"), state.intValue("date"),
        state.intValue("seq"));
  }

  /** Takes the answer to {@code updates.getDifference}; returns the updates to deliver. */
  public List<Delivery> applyDifference(TlObject difference) {
    return differences.applyDifference(difference);
  }

  /** Takes the answer to {@code updates.getChannelDifference}; returns the updates to deliver. */
  public List<Delivery> applyChannelDifference(long channelId, TlObject difference) {
    return differences.applyChannelDifference(channelId, difference);
  }

  /**
   * Gives up a channel difference that failed: for a temporary server problem the channel keeps
   * its pts and is tried again after the no-updates timeout; when the account was banned from it
   * ({@code CHANNEL_PRIVATE}) the channel is forgotten.
   */
  public List<Delivery> endChannelDifference(long channelId, boolean banned) {
    BoxKey key = BoxKey.channel(channelId);
    Box box = boxes.entries.get(key);
    if (box == null || !box.fetching) {
      throw new IllegalStateException("no channel difference is being fetched for channel "
          + channelId);
    }
    return differences.endChannelDiff(key, NO_UPDATES_TIMEOUT, banned);
  }

  /**
   * Asks for the account difference now (after {@code new_session_created}, an undecodable
   * update, or a short update naming an unknown peer).
   */
  public void requestDifference() {
    boxes.beginAccountDiff();
  }

  /** Asks for a known channel's difference now (e.g. to replace a {@code min} peer). */
  public void requestChannelDifference(long channelId) {
    boxes.beginChannelDiff(BoxKey.channel(channelId));
  }

  /** Starts tracking a channel at {@code pts} (from a dialog) unless it is already tracked. */
  public void knowChannel(long channelId, int pts) {
    BoxKey key = BoxKey.channel(channelId);
    if (!boxes.entries.containsKey(key)) {
      boxes.create(key, pts);
    }
  }

  /** The common state to store ({@code Storage.updateState}); empty before {@code getState}. */
  public Optional<UpdateState> state() {
    return boxes.needState ? Optional.empty() : Optional.of(boxes.state());
  }

  /** Every tracked channel's pts by bare channel id ({@code Storage.channelPts}), by id. */
  public Map<Long, Integer> channelPts() {
    Map<Long, Integer> channels = new TreeMap<>();
    boxes.entries.forEach((key, box) -> {
      if (!key.isAccount()) {
        channels.put(key.channelId(), box.pts);
      }
    });
    return channels;
  }

  private void setState(int pts, int qts, int date, int seq) {
    boxes.needState = false;
    for (BoxKey key : List.of(BoxKey.COMMON, BoxKey.SECONDARY)) {
      boxes.create(key, key == BoxKey.COMMON ? pts : qts);
    }
    boxes.date = date;
    boxes.seq = seq;
  }
}
