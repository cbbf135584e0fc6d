package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small Telegram for one account: it makes events in the common, secondary and channel
 * boxes and events of no box, packs them into pushed containers, and answers {@code getState},
 * {@code getDifference} (in slices of whole containers) and {@code getChannelDifference} from
 * its log. Every event's update carries its event number, so a test can count deliveries.
 *
 * <p>Containers with seq carry a date (their last event's) and all events of no box; channel
 * events travel in containers without seq or date, as Telegram sends them.
 */
final class ModelServer {
  static final long[] CHANNELS = {7, 8};

  /** One event: its number, box ("common", "qts", "channel", "none"), box position, update. */
  record Event(int number, String box, long channelId, int pts, int date, TlObject update) {}

  /** A pushed container and the events it holds. */
  record Push(TlObject container, List<Event> events, int seq) {}

  private final Random random;
  private final int sliceSize;
  final List<Event> log = new ArrayList<>();
  final List<Push> pushes = new ArrayList<>();
  int differences;
  int slices;
  int channelDifferences;
  private int pts = 100;
  private int qts = 50;
  private int seq = 10;
  private int date = 1000;
  private final int[] channelPts = {200, 300};
  private int events;

  ModelServer(Random random, int sliceSize) {
    this.random = random;
    this.sliceSize = sliceSize;
  }

  TlObject state() {
    return Updates.state(date, seq, pts, qts);
  }

  int channelPts(long channelId) {
    return channelPts[channelIndex(channelId)];
  }

  /** Makes the next container of one to three events and returns its push. */
  Push next() {
    boolean channel = random.nextInt(4) == 0;
    List<Event> made = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    long channelId = CHANNELS[random.nextInt(CHANNELS.length)];
    for (int i = 0; i < count; i++) {
      made.add(channel ? channelEvent(channelId) : accountEvent());
    }
    boolean noSeq = channel
        || count == 1 && !made.get(0).box().equals("none") && random.nextBoolean();
    Push push = noSeq ? new Push(noSeqContainer(made), made, 0)
        : new Push(seqContainer(made), made, seq);
    log.addAll(made);
    pushes.add(push);
    return push;
  }

  private Event accountEvent() {
    int number = ++events;
    return switch (random.nextInt(4)) {
      case 0 -> {
        int count = 1 + random.nextInt(2);
        pts += count;
        yield new Event(number, "common", 0, pts, 0, TlObject.of("updateDeleteMessages",
            "messages", List.of(number), "pts", pts, "pts_count", count));
      }
      case 1 -> {
        pts += 1;
        yield new Event(number, "common", 0, pts, 0, TlObject.of("updateNewMessage",
            "message", message(number, TlObject.of("peerUser", "user_id", 5L)), "pts", pts,
            "pts_count", 1));
      }
      case 2 -> {
        qts += 1;
        yield new Event(number, "qts", 0, qts, 0, TlObject.of("updateBotStopped",
            "user_id", (long) number, "date", date, "stopped", true, "qts", qts));
      }
      default -> new Event(number, "none", 0, 0, ++date, TlObject.of("updateUserStatus",
          "user_id", (long) number, "status", TlObject.of("userStatusEmpty")));
    };
  }

  private Event channelEvent(long channelId) {
    int number = ++events;
    int index = channelIndex(channelId);
    channelPts[index] += 1;
    TlObject update = random.nextBoolean()
        ? TlObject.of("updateDeleteChannelMessages", "channel_id", channelId,
            "messages", List.of(number), "pts", channelPts[index], "pts_count", 1)
        : TlObject.of("updateNewChannelMessage", "message", message(number,
            TlObject.of("peerChannel", "channel_id", channelId)), "pts", channelPts[index],
            "pts_count", 1);
    return new Event(number, "channel", channelId, channelPts[index], 0, update);
  }

  private TlObject seqContainer(List<Event> made) {
    seq += 1;
    date += 1;
    return TlObject.of("updates", "updates", made.stream().map(Event::update).toList(),
        "users", List.of(), "chats", List.of(), "date", date, "seq", seq);
  }

  private TlObject noSeqContainer(List<Event> made) {
    if (made.size() == 1) {
      return TlObject.of("updateShort", "update", made.get(0).update(), "date", 0);
    }
    return TlObject.of("updates", "updates", made.stream().map(Event::update).toList(),
        "users", List.of(), "chats", List.of(), "date", 0, "seq", 0);
  }

  /**
   * {@code updates.getDifference}: every account event the request's pts, qts and date do not
   * cover, whole containers at a time, as a slice when more than the slice size remain.
   */
  TlObject difference(UpdateRequest.GetDifference request) {
    differences++;
    List<TlObject> updates = new ArrayList<>();
    int lastPts = request.pts();
    int lastQts = request.qts();
    int lastDate = request.date();
    int lastSeq = 0;
    for (int i = 0; i < pushes.size(); i++) {
      Push push = pushes.get(i);
      for (Event e : push.events()) {
        if (unknown(e, request)) {
          updates.add(e.update());
        }
        lastPts = e.box().equals("common") ? Math.max(lastPts, e.pts()) : lastPts;
        lastQts = e.box().equals("qts") ? Math.max(lastQts, e.pts()) : lastQts;
        lastDate = e.box().equals("none") ? Math.max(lastDate, e.date()) : lastDate;
      }
      lastSeq = Math.max(lastSeq, push.seq());
      if (updates.size() >= sliceSize && i + 1 < pushes.size()) {
        slices++;
        return TlObject.of("updates.differenceSlice", "new_messages", List.of(),
            "new_encrypted_messages", List.of(), "other_updates", updates, "chats", List.of(),
            "users", List.of(), "intermediate_state",
            Updates.state(lastDate, lastSeq, lastPts, lastQts));
      }
    }
    if (updates.isEmpty()) {
      return TlObject.of("updates.differenceEmpty", "date", date, "seq", seq);
    }
    return TlObject.of("updates.difference", "new_messages", List.of(),
        "new_encrypted_messages", List.of(), "other_updates", updates, "chats", List.of(),
        "users", List.of(), "state", state());
  }

  private static boolean unknown(Event e, UpdateRequest.GetDifference request) {
    return switch (e.box()) {
      case "common" -> e.pts() > request.pts();
      case "qts" -> e.pts() > request.qts();
      case "none" -> e.date() > request.date();
      default -> false;
    };
  }

  /** {@code updates.getChannelDifference}: up to the request's limit of the channel's events. */
  TlObject channelDifference(UpdateRequest.GetChannelDifference request, int limit) {
    channelDifferences++;
    List<TlObject> updates = new ArrayList<>();
    int last = request.pts();
    for (Event e : log) {
      if (e.box().equals("channel") && e.channelId() == request.channelId()
          && e.pts() > request.pts() && updates.size() < limit) {
        updates.add(e.update());
        last = e.pts();
      }
    }
    if (updates.isEmpty()) {
      return Updates.channelDifferenceEmpty(last, true);
    }
    return TlObject.of("updates.channelDifference", "final", last == channelPts(
        request.channelId()), "pts", last, "new_messages", List.of(), "other_updates", updates,
        "chats", List.of(), "users", List.of());
  }

  private static TlObject message(int number, TlObject peer) {
    return TlObject.of("message", "id", number, "peer_id", peer, "date", 1, "message", "m");
  }

  private static int channelIndex(long channelId) {
    for (int i = 0; i < CHANNELS.length; i++) {
      if (CHANNELS[i] == channelId) {
        return i;
      }
    }
    throw new IllegalArgumentException("no channel " + channelId);
  }
}
