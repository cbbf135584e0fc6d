package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;

/**
 * What a {@link MessageBox} needs the client to ask Telegram before it can go on: the answer
 * goes back to the matching {@code MessageBox.apply...} method.
 */
public sealed interface UpdateRequest {

  /** The TL function to send ({@code updates.getState}, {@code updates.getDifference}). */
  TlObject toTl();

  /**
   * {@code updates.getState}: no state is known yet (first login). Answer with {@link
   * MessageBox#applyState(TlObject)}.
   */
  record GetState() implements UpdateRequest {
    @Override
    public TlObject toTl() {
      return TlObject.of("updates.getState");
    }
  }

  /**
   * {@code updates.getDifference} from the local state. Answer with {@link
   * MessageBox#applyDifference(TlObject)}.
   *
   * @param pts the common box's pts
   * @param date the local date (at least 1: Telegram refuses 0)
   * @param qts the secondary box's qts
   */
  record GetDifference(int pts, int date, int qts) implements UpdateRequest {
    @Override
    public TlObject toTl() {
      return TlObject.of("updates.getDifference", "pts", pts, "date", date, "qts", qts);
    }
  }

  /**
   * {@code updates.getChannelDifference} for one channel from its local pts. Answer with {@link
   * MessageBox#applyChannelDifference(long, TlObject)}, or report a failure with {@link
   * MessageBox#endChannelDifference(long, boolean)}.
   *
   * @param channelId the bare channel id
   * @param pts the channel box's pts
   * @param limit how many updates to ask for at most
   */
  record GetChannelDifference(long channelId, int pts, int limit) implements UpdateRequest {
    /** Refuses; a channel difference needs the channel's access hash: {@link #toTl(long)}. */
    @Override
    public TlObject toTl() {
      throw new UnsupportedOperationException("updates.getChannelDifference needs the access"
          + " hash of channel " + channelId + "; call toTl(accessHash)");
    }

    /** The request with the channel addressed as {@code inputChannel(channelId, accessHash)}. */
    public TlObject toTl(long accessHash) {
      return TlObject.of("updates.getChannelDifference",
          "channel", TlObject.of("inputChannel", "channel_id", channelId,
              "access_hash", accessHash),
          "filter", TlObject.of("channelMessagesFilterEmpty"), "pts", pts, "limit", limit);
    }
  }
}
