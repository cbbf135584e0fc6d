package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.Optional;

/**
 * Which box an update belongs to and where it puts that box (spec §8.2), read from the
 * update's fields so that updates added in later layers need no table:
 *
 * <ul>
 *   <li>a non-zero {@code qts}: the secondary box, count 1;
 *   <li>a non-zero {@code pts}: with {@code channel_id}, or a {@code message} whose {@code
 *       peer_id} is a {@code peerChannel}, that channel's box, else the common box; the count is
 *       {@code pts_count}, or 0 when the update has none ({@code updateReadChannelInbox});
 *   <li>anything else, and {@code updateChannelTooLong}, belongs to no box.
 * </ul>
 *
 * <p>A zero {@code pts} or {@code qts} means "no order" (Telegram sends {@code qts = 0} in some
 * {@code updateChannelParticipant}s; a difference's message whose place it does not tell is
 * delivered with zero pts).
 *
 * @param key the box
 * @param pts the box's pts (or qts) after the update
 * @param count how far the update moves the box
 */
record PtsInfo(BoxKey key, int pts, int count) {
  static Optional<PtsInfo> of(TlObject update) {
    if (update.has("qts")) {
      int qts = update.intValue("qts");
      return qts == 0 ? Optional.empty() : Optional.of(new PtsInfo(BoxKey.SECONDARY, qts, 1));
    }
    if (!update.has("pts") || update.name().equals("updateChannelTooLong")) {
      return Optional.empty();
    }
    int pts = update.intValue("pts");
    if (pts == 0) {
      return Optional.empty();
    }
    int count = update.has("pts_count") ? update.intValue("pts_count") : 0;
    long channelId = channelOf(update);
    if (channelId != 0) {
      return Optional.of(new PtsInfo(BoxKey.channel(channelId), pts, count));
    }
    if (update.name().contains("Channel")) {
      return Optional.empty();
    }
    return Optional.of(new PtsInfo(BoxKey.COMMON, pts, count));
  }

  /** The bare channel id an update names, or 0. */
  static long channelOf(TlObject update) {
    if (update.has("channel_id")) {
      return update.longValue("channel_id");
    }
    TlObject message = update.object("message");
    TlObject peer = message == null ? null : message.object("peer_id");
    return peer != null && peer.name().equals("peerChannel") ? peer.longValue("channel_id") : 0;
  }

  /** The order Telegram's own sequence implies: where the box stood before the update. */
  int before() {
    return pts - count;
  }
}
