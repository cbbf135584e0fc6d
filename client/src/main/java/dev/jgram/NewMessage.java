package dev.jgram;

import dev.jgram.mtproto.tl.TlObject;
import java.util.Optional;
import java.util.Set;

/**
 * A new message in a private chat, group or channel: the {@code message} of an {@code
 * updateNewMessage} or {@code updateNewChannelMessage}, for {@link Client#onNewMessage}.
 *
 * @param update the update that carried it
 * @param message the {@code message} or {@code messageService} object
 */
public record NewMessage(Update update, TlObject message) {
  private static final Set<String> NEW_MESSAGE =
      Set.of("updateNewMessage", "updateNewChannelMessage");

  /** Checks the fields are present. */
  public NewMessage {
    if (update == null || message == null) {
      throw new NullPointerException("a new message needs its update and message");
    }
  }

  /** The new message {@code update} carries, if it is a new-message update. */
  public static Optional<NewMessage> of(Update update) {
    if (!NEW_MESSAGE.contains(update.type())) {
      return Optional.empty();
    }
    return update.message().filter(m -> m.has("id")).map(m -> new NewMessage(update, m));
  }

  /** The message id in the receiving account's box (or the channel's). */
  public int id() {
    return message.intValue("id");
  }

  /** The text; null for a service message. */
  public String text() {
    return message.string("message");
  }

  /** Whether the account sent it. */
  public boolean outgoing() {
    return message.flag("out");
  }

  /**
   * The sender's user id: the message's {@code from_id}, or, in a private chat where the
   * message has none, the chat's user; empty for a channel post without a sender.
   */
  public Optional<Long> fromId() {
    Optional<Long> from = userOf(message.object("from_id"));
    return from.isPresent() ? from : userOf(message.object("peer_id"));
  }

  /** The bare channel id for a channel or supergroup message. */
  public Optional<Long> channelId() {
    TlObject peer = message.object("peer_id");
    return peer != null && peer.name().equals("peerChannel")
        ? Optional.of(peer.longValue("channel_id")) : Optional.empty();
  }

  private static Optional<Long> userOf(TlObject peer) {
    return peer != null && peer.name().equals("peerUser")
        ? Optional.of(peer.longValue("user_id")) : Optional.empty();
  }
}
