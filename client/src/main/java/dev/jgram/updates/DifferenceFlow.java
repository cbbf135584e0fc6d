package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the answers to {@code updates.getDifference} and {@code updates.getChannelDifference}
 * (spec §8.1).
 *
 * <pre>
 * | answer                     | state                                | then                      |
 * |----------------------------|--------------------------------------|---------------------------|
 * | differenceEmpty            | date, seq                            | done                      |
 * | difference                 | state                                | done                      |
 * | differenceSlice            | intermediate_state (seq never back)  | getDifference again       |
 * | differenceTooLong          | pts                                  | getDifference again       |
 * | channelDifferenceEmpty     | channel pts                          | done if final             |
 * | channelDifference          | channel pts                          | done if final, else again |
 * | channelDifferenceTooLong   | channel pts = dialog.pts             | done if final, else again |
 * </pre>
 *
 * <p>A difference's content is what happened after the local state it was asked from, so its
 * updates are delivered without a pts check, messages first ({@code new_messages} as {@code
 * updateNewMessage} or {@code updateNewChannelMessage} with the pts after each message where
 * {@link MessagePositions} can tell, else pts 0; {@code new_encrypted_messages} as {@code
 * updateNewEncryptedMessage} with qts 0), then {@code other_updates} sorted as a container's; a
 * message's delivery carries the pts after it, the other updates the difference's state. Channel
 * updates among them still go through their channel's box. When a difference is done, the
 * containers (or channel updates) that waited for it go through the gap rules.
 */
final class DifferenceFlow {
  private final Boxes boxes;
  private final UpdateFlow flow;

  DifferenceFlow(Boxes boxes, UpdateFlow flow) {
    this.boxes = boxes;
    this.flow = flow;
  }

  List<Delivery> applyDifference(TlObject difference) {
    if (!boxes.accountDiff) {
      throw new IllegalStateException("no updates.getDifference was requested; got "
          + difference.name());
    }
    return switch (difference.name()) {
      case "updates.differenceEmpty" -> {
        boxes.date = difference.intValue("date");
        boxes.seq = difference.intValue("seq");
        yield endAccountDiff(new ArrayList<>());
      }
      case "updates.difference" -> endAccountDiff(fill(difference, "state", true));
      case "updates.differenceSlice" -> fill(difference, "intermediate_state", false);
      case "updates.differenceTooLong" -> {
        boxes.setPts(BoxKey.COMMON, difference.intValue("pts"));
        yield List.of();
      }
      default -> throw new IllegalArgumentException("'" + difference.name() + "' is not an"
          + " updates.Difference; expected updates.differenceEmpty, updates.difference,"
          + " updates.differenceSlice or updates.differenceTooLong");
    };
  }

  private List<Delivery> fill(TlObject difference, String stateField, boolean last) {
    TlObject state = difference.object(stateField);
    int from = boxes.pts(BoxKey.COMMON);
    boxes.setPts(BoxKey.COMMON, state.intValue("pts"));
    boxes.setPts(BoxKey.SECONDARY, state.intValue("qts"));
    // A slice may stop before a container this box already accepted (its pts updates held past
    // a gap): keep that container accepted, or its updates of no box would come twice.
    boxes.date = last ? state.intValue("date") : Math.max(boxes.date, state.intValue("date"));
    boxes.seq = last ? state.intValue("seq") : Math.max(boxes.seq, state.intValue("seq"));
    List<Delivery> out = new ArrayList<>();
    emitMessages(out, "updateNewMessage", difference.list("new_messages"),
        difference.list("other_updates"), from, BoxKey.COMMON);
    for (TlObject message : difference.<TlObject>list("new_encrypted_messages")) {
      boxes.emit(out, TlObject.of("updateNewEncryptedMessage", "message", message, "qts", 0),
          null);
    }
    deliverOthers(difference.list("other_updates"), null, out);
    return out;
  }

  /**
   * Delivers a difference's messages as the updates that would have carried them, each with the
   * pts after it where {@link MessagePositions} can tell, else with pts 0.
   */
  private void emitMessages(List<Delivery> out, String type, List<TlObject> messages,
      List<TlObject> others, int from, BoxKey key) {
    Optional<int[]> at = MessagePositions.of(from, boxes.pts(key), messages.size(),
        others, key);
    for (int i = 0; i < messages.size(); i++) {
      if (at.isPresent()) {
        int pts = at.get()[i];
        boxes.emitAt(out, TlObject.of(type, "message", messages.get(i), "pts", pts,
            "pts_count", 1), key, pts);
      } else {
        boxes.emit(out, TlObject.of(type, "message", messages.get(i), "pts", 0, "pts_count", 0),
            key.isAccount() ? null : key);
      }
    }
  }

  /** Delivers a difference's other updates; those of {@code filled} (or the account) as is. */
  private void deliverOthers(List<TlObject> updates, BoxKey filled, List<Delivery> out) {
    for (TlObject update : UpdateFlow.sortedByBox(updates)) {
      Optional<PtsInfo> info = PtsInfo.of(update);
      if (info.isEmpty()) {
        flow.applyPlain(update, out);
      } else if (filled == null ? info.get().key().isAccount() : info.get().key().equals(filled)) {
        boxes.emit(out, update, info.get().key());
      } else if (!info.get().key().isAccount()) {
        flow.applyBoxed(update, info.get(), out);
      } else {
        out.addAll(flow.process(Container.of(List.of(update), 0, 0, 0)));
      }
    }
    flow.drainGaps(out);
  }

  private List<Delivery> endAccountDiff(List<Delivery> out) {
    boxes.accountDiff = false;
    for (BoxKey key : List.of(BoxKey.COMMON, BoxKey.SECONDARY)) {
      Box box = boxes.entries.get(key);
      if (box != null) {
        box.deadline = boxes.now().plus(Boxes.NO_UPDATES_TIMEOUT);
      }
    }
    List<Container> waiting = List.copyOf(boxes.postponed);
    boxes.postponed.clear();
    for (Container container : waiting) {
      out.addAll(flow.process(container));
    }
    return out;
  }

  List<Delivery> applyChannelDifference(long channelId, TlObject difference) {
    BoxKey key = BoxKey.channel(channelId);
    Box box = boxes.entries.get(key);
    if (box == null || !box.fetching) {
      throw new IllegalStateException("no updates.getChannelDifference was requested for"
          + " channel " + channelId + "; got " + difference.name());
    }
    List<Delivery> out = new ArrayList<>();
    // A too-long answer's messages are the latest ones, not what followed the local pts.
    boolean following = !difference.name().equals("updates.channelDifferenceTooLong");
    int before = box.pts;
    List<TlObject> messages = takeChannelPts(box, difference);
    int from = following ? before : box.pts;
    emitMessages(out, "updateNewChannelMessage", messages, difference.list("other_updates"),
        from, key);
    deliverOthers(difference.list("other_updates"), key, out);
    if (difference.flag("final")) {
      int timeout = difference.has("timeout") ? difference.intValue("timeout") : 0;
      out.addAll(endChannelDiff(key, timeout > 0
          ? Duration.ofSeconds(timeout) : Boxes.NO_UPDATES_TIMEOUT, false));
    }
    return out;
  }

  /** Moves the channel box to the answer's pts; returns the messages the answer carries. */
  private static List<TlObject> takeChannelPts(Box box, TlObject difference) {
    return switch (difference.name()) {
      case "updates.channelDifferenceEmpty", "updates.channelDifference" -> {
        box.pts = difference.intValue("pts");
        yield difference.list("new_messages");
      }
      case "updates.channelDifferenceTooLong" -> {
        TlObject dialog = difference.object("dialog");
        if (dialog != null && dialog.has("pts")) {
          box.pts = dialog.intValue("pts");
        }
        yield difference.list("messages");
      }
      default -> throw new IllegalArgumentException("'" + difference.name() + "' is not an"
          + " updates.ChannelDifference; expected updates.channelDifferenceEmpty,"
          + " updates.channelDifference or updates.channelDifferenceTooLong");
    };
  }

  /** Stops fetching a channel's difference; the updates that waited for it go through. */
  List<Delivery> endChannelDiff(BoxKey key, Duration nextCheck, boolean forget) {
    Box box = boxes.entries.get(key);
    box.fetching = false;
    box.deadline = boxes.now().plus(nextCheck);
    List<TlObject> waiting = List.copyOf(box.queued);
    box.queued.clear();
    if (forget) {
      boxes.entries.remove(key);
      return List.of();
    }
    return flow.deliver(waiting);
  }
}
