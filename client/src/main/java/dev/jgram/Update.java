package dev.jgram;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.util.Optional;

/**
 * One update handed to the handlers of {@link Client#onUpdate}, in the order the sequence rules
 * put it, with the state that holds once it is handled.
 *
 * <p>Pushed short shapes arrive expanded ({@code updateShortMessage} as {@code
 * updateNewMessage}); a message that came in a difference arrives as the update that would have
 * carried it ({@code updateNewMessage} or {@code updateNewChannelMessage}) with the pts after it
 * and {@code pts_count} 1 where the difference tells (its messages, in pts order, fill the
 * positions its other updates leave), and with pts 0 where it does not.
 *
 * @param tl the update object ({@code updateNewMessage}, {@code updateUserStatus}, ...)
 * @param state the account's common state once this update is handled
 * @param channelId the bare channel id for a channel update, else empty
 * @param channelPts the channel's pts once this update is handled, for a channel update
 */
public record Update(TlObject tl, UpdateState state, Optional<Long> channelId,
    Optional<Integer> channelPts) {

  /** Checks the fields are present. */
  public Update {
    if (tl == null || state == null || channelId == null || channelPts == null) {
      throw new NullPointerException("an update needs its object, state and channel fields");
    }
  }

  /** The constructor name, e.g. {@code updateNewMessage}. */
  public String type() {
    return tl.name();
  }

  /** The update's own pts (the box's pts after it) when it carries a non-zero one. */
  public Optional<Integer> pts() {
    return positive("pts");
  }

  /** The update's own qts when it carries a non-zero one. */
  public Optional<Integer> qts() {
    return positive("qts");
  }

  /** The message the update carries ({@code updateNew*Message}, {@code updateEdit*}), if any. */
  public Optional<TlObject> message() {
    return tl.get("message") instanceof TlObject m ? Optional.of(m) : Optional.empty();
  }

  private Optional<Integer> positive(String field) {
    return tl.get(field) instanceof Number n && n.intValue() != 0
        ? Optional.of(n.intValue()) : Optional.empty();
  }
}
