package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each pushed {@code Updates} shape into a {@link Container} (spec §8.3), expanding the
 * short ones into the full update they stand for, so a handler sees one shape:
 *
 * <pre>
 * | received                | becomes                                                           |
 * |-------------------------|-------------------------------------------------------------------|
 * | updateShortMessage      | updateNewMessage(message: peer_id peerUser(user_id), from_id      |
 * |                         |   peerUser(self) if out else peerUser(user_id))                   |
 * | updateShortChatMessage  | updateNewMessage(message: peer_id peerChat(chat_id), from_id      |
 * |                         |   peerUser(from_id))                                              |
 * | updateShortSentMessage  | (with the request) updateNewMessage, or updateNewChannelMessage   |
 * |                         |   for a channel, of the sent message; see {@link SentMessages}    |
 * | updateShort             | its update, with its date, no seq                                 |
 * | updates                 | its updates, date, seq_start = seq                                |
 * | updatesCombined         | as is                                                             |
 * | updatesTooLong          | a marker: fetch the difference                                    |
 * </pre>
 *
 * <p>The message keeps the short update's flags ({@code out}, {@code mentioned}, {@code
 * media_unread}, {@code silent}) and its {@code id}, {@code date}, {@code message}, {@code
 * fwd_from}, {@code via_bot_id}, {@code reply_to}, {@code entities} and {@code ttl_period}.
 * An outgoing short message's {@code from_id} is left out while the account's own id is unknown.
 * The container names the user and chat a short message refers to without carrying them, so the
 * box can fetch the difference instead when they are not cached (spec §8.3).
 */
final class ShortUpdates {
  private static final Set<String> COPIED = Set.of("out", "mentioned", "media_unread",
      "silent", "id", "date", "message", "fwd_from", "via_bot_id", "reply_to", "entities",
      "ttl_period");

  private ShortUpdates() {}

  static Container normalize(TlObject updates, long selfUserId) {
    return switch (updates.name()) {
      case "updatesTooLong" -> Container.tooLongMarker();
      case "updateShort" -> Container.of(List.of(updates.object("update")),
          updates.intValue("date"), 0, 0);
      case "updates" -> Container.of(updates.list("updates"), updates.intValue("date"),
          updates.intValue("seq"), updates.intValue("seq"));
      case "updatesCombined" -> Container.of(updates.list("updates"), updates.intValue("date"),
          updates.intValue("seq_start"), updates.intValue("seq"));
      case "updateShortMessage" -> shortMessage(updates, selfUserId);
      case "updateShortChatMessage" -> shortChatMessage(updates);
      case "updateShortSentMessage" -> throw new IllegalArgumentException(
          "updateShortSentMessage needs the request that sent it; pass both to"
              + " MessageBox.processSent");
      default -> throw new IllegalArgumentException("'" + updates.name()
          + "' is not an Updates constructor; expected updates, updatesCombined, updateShort,"
          + " updateShortMessage, updateShortChatMessage or updatesTooLong");
    };
  }

  private static Container shortMessage(TlObject shortMessage, long selfUserId) {
    long userId = shortMessage.longValue("user_id");
    TlObject peer = peerUser(userId);
    TlObject from = shortMessage.flag("out") ? (selfUserId == 0 ? null : peerUser(selfUserId))
        : peer;
    return newMessage(shortMessage, from, peer, userId);
  }

  private static Container shortChatMessage(TlObject shortMessage) {
    long chatId = shortMessage.longValue("chat_id");
    long fromId = shortMessage.longValue("from_id");
    TlObject peer = TlObject.of("peerChat", "chat_id", chatId);
    return newMessage(shortMessage, peerUser(fromId), peer, fromId, -chatId);
  }

  private static Container newMessage(TlObject shortMessage, TlObject from, TlObject peer,
      long... named) {
    TlObject update = TlObject.of("updateNewMessage",
        "message", message(shortMessage, from, peer),
        "pts", shortMessage.intValue("pts"), "pts_count", shortMessage.intValue("pts_count"));
    return Container.shortMessage(update, shortMessage.intValue("date"), named);
  }

  /** A {@code message} with the fields of a short update, the sender and the chat. */
  static TlObject message(TlObject shortUpdate, TlObject from, TlObject peer) {
    Map<String, Object> fields = shortUpdate.fields();
    Object[] namesAndValues = new Object[2 * (fields.size() + 2)];
    int n = 0;
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      if (COPIED.contains(f.getKey()) && !Boolean.FALSE.equals(f.getValue())) {
        namesAndValues[n++] = f.getKey();
        namesAndValues[n++] = f.getValue();
      }
    }
    if (!fields.containsKey("message")) {
      namesAndValues[n++] = "message";
      namesAndValues[n++] = "";
    }
    namesAndValues[n++] = "from_id";
    namesAndValues[n++] = from;
    namesAndValues[n++] = "peer_id";
    namesAndValues[n++] = peer;
    return TlObject.of("message", java.util.Arrays.copyOf(namesAndValues, n));
  }

  static TlObject peerUser(long userId) {
    return TlObject.of("peerUser", "user_id", userId);
  }
}
