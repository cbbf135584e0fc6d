package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.util.List;
import java.util.Optional;

/** The helpers of grammers' message box tests, as TL objects. */
final class Updates {
  private Updates() {}

  /** {@code updates.state} in grammers' argument order: date, seq, pts, qts. */
  static TlObject state(int date, int seq, int pts, int qts) {
    return TlObject.of("updates.state", "pts", pts, "qts", qts, "date", date, "seq", seq,
        "unread_count", 0);
  }

  /** {@code updateDeleteMessages} with this pts and pts_count 1. */
  static TlObject update(int pts) {
    return TlObject.of("updateDeleteMessages", "messages", List.of(), "pts", pts,
        "pts_count", 1);
  }

  /** {@code updates} holding {@link #update(int)}. */
  static TlObject updates(int date, int seq, int pts) {
    return TlObject.of("updates", "updates", List.of(update(pts)), "users", List.of(),
        "chats", List.of(), "date", date, "seq", seq);
  }

  /** The delivery of {@link #update(int)} with the common state after it (qts 78). */
  static Delivery delivered(int date, int seq, int pts) {
    return new Delivery(update(pts), new UpdateState(pts, 78, date, seq), Optional.empty());
  }

  static TlObject differenceEmpty(int date, int seq) {
    return TlObject.of("updates.differenceEmpty", "date", date, "seq", seq);
  }

  static TlObject channelDifferenceEmpty(int pts, boolean isFinal) {
    return TlObject.of("updates.channelDifferenceEmpty", "final", isFinal, "pts", pts);
  }

  static UpdateRequest.GetChannelDifference channelRequest(long channelId, int pts) {
    return new UpdateRequest.GetChannelDifference(channelId, pts,
        MessageBox.CHANNEL_DIFFERENCE_LIMIT);
  }
}
