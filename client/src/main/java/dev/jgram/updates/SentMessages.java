package dev.jgram.updates;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * Builds the message an {@code updateShortSentMessage} stands for from the request that sent
 * it ({@code messages.sendMessage}, {@code messages.sendMedia}: any request with {@code peer}
 * and {@code message}), as the update Telegram would have pushed in full.
 *
 * <p>The message is outgoing, from the account ({@code from_id} left out while its id is
 * unknown, and for channels, whose posts carry no sender), in the request's peer; the text comes
 * from the request, {@code media}, {@code entities} and {@code ttl_period} from the short update
 * (the request's {@code entities} if the update has none). A channel peer gives {@code
 * updateNewChannelMessage}, checked against that channel's pts; any other {@code
 * updateNewMessage}.
 */
final class SentMessages {
  private SentMessages() {}

  static Container expand(TlObject sent, TlObject request, long selfUserId) {
    if (!sent.name().equals("updateShortSentMessage")) {
      throw new IllegalArgumentException("expected updateShortSentMessage; got '" + sent.name()
          + "'");
    }
    TlObject peer = peerOf(request.object("peer"), selfUserId);
    boolean channel = peer.name().equals("peerChannel");
    TlObject from = channel || selfUserId == 0 ? null : ShortUpdates.peerUser(selfUserId);
    TlObject message = ShortUpdates.message(sent, from, peer)
        .with("out", true)
        .with("message", request.string("message") == null ? "" : request.string("message"))
        .with("media", sent.get("media"))
        .with("entities", sent.has("entities") ? sent.get("entities") : request.get("entities"));
    TlObject update = TlObject.of(channel ? "updateNewChannelMessage" : "updateNewMessage",
        "message", message, "pts", sent.intValue("pts"), "pts_count", sent.intValue("pts_count"));
    return Container.of(List.of(update), sent.intValue("date"), 0, 0);
  }

  /** The {@code Peer} an {@code InputPeer} addresses. */
  static TlObject peerOf(TlObject inputPeer, long selfUserId) {
    if (inputPeer == null) {
      throw new IllegalArgumentException("the send request has no 'peer'; expected the request"
          + " that produced the updateShortSentMessage");
    }
    return switch (inputPeer.name()) {
      case "inputPeerSelf" -> {
        if (selfUserId == 0) {
          throw new IllegalStateException("a message sent to inputPeerSelf needs the account's"
              + " own user id; give it to the MessageBox first");
        }
        yield ShortUpdates.peerUser(selfUserId);
      }
      case "inputPeerUser", "inputPeerUserFromMessage" ->
          ShortUpdates.peerUser(inputPeer.longValue("user_id"));
      case "inputPeerChat" -> TlObject.of("peerChat", "chat_id", inputPeer.longValue("chat_id"));
      case "inputPeerChannel", "inputPeerChannelFromMessage" ->
          TlObject.of("peerChannel", "channel_id", inputPeer.longValue("channel_id"));
      default -> throw new IllegalArgumentException("cannot address a sent message to '"
          + inputPeer.name() + "'; expected inputPeerSelf, inputPeerUser, inputPeerChat or"
          + " inputPeerChannel");
    };
  }
}
