package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.util.Objects;
import java.util.Optional;

/**
 * One update to hand to the handlers, in order, with the state that holds once it is handled:
 * persisting {@link #state()} (and {@link #channel()}) after the handler ran resumes exactly
 * after this update.
 *
 * @param update the full update ({@code updateShort*} already expanded; a difference's messages
 *     as {@code updateNewMessage}, {@code updateNewEncryptedMessage} or {@code
 *     updateNewChannelMessage}, with the pts after the message where the difference tells, else
 *     0)
 * @param state the common state after the update (pts and qts 0 until getState is answered; for
 *     a difference's message whose position is known, pts is the pts after it)
 * @param channel the channel box's position after the update, for a channel update
 */
public record Delivery(TlObject update, UpdateState state, Optional<ChannelPts> channel) {
  /** Checks the fields are present. */
  public Delivery {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(channel, "channel");
  }
}
