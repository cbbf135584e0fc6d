package dev.jgram;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import java.util.List;

/**
 * The network half of resolving a username: {@code contacts.resolveUsername} and the input
 * peer its {@code contacts.resolvedPeer} names ({@code peer} points into {@code users} or
 * {@code chats}, which carry the access hash).
 */
final class UsernameLookup {
  private UsernameLookup() {}

  /** The request for {@code username} (normalised, without '@'). */
  static TlObject request(String username) {
    return TlObject.of("contacts.resolveUsername", "username", username);
  }

  /**
   * The input peer a {@code contacts.resolvedPeer} names.
   *
   * @throws PeerNotFoundException if the peer it names is not among its users and chats
   */
  static InputPeer inputPeer(TlObject resolved, PeerNotFoundException miss) {
    TlObject peer = resolved.object("peer");
    switch (peer.name()) {
      case "peerUser" -> {
        TlObject user = find(resolved.list("users"), peer.longValue("user_id"));
        if (user != null && user.has("access_hash") && user.get("access_hash") != null) {
          return new InputPeer.User(user.longValue("id"), user.longValue("access_hash"));
        }
      }
      case "peerChannel" -> {
        TlObject channel = find(resolved.list("chats"), peer.longValue("channel_id"));
        if (channel != null && channel.has("access_hash") && channel.get("access_hash") != null) {
          return new InputPeer.Channel(channel.longValue("id"), channel.longValue("access_hash"));
        }
      }
      case "peerChat" -> {
        return new InputPeer.Chat(peer.longValue("chat_id"));
      }
      default -> { }
    }
    throw miss;
  }

  private static TlObject find(List<TlObject> objects, long id) {
    for (TlObject o : objects) {
      if (o.has("id") && o.longValue("id") == id) {
        return o;
      }
    }
    return null;
  }
}
