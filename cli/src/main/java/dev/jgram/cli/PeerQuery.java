package dev.jgram.cli;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.Storage;
import java.util.Locale;

/** Looks a peer up the way the Client resolves one, and names what it found. */
final class PeerQuery {
  private PeerQuery() {}

  /**
   * Resolves by exactly one of id, username ({@code @} optional, matched lower-cased) or phone
   * ({@code +} optional).
   *
   * @throws dev.jgram.storage.PeerNotFoundException for a miss or an expired username
   */
  static InputPeer resolve(Storage storage, Long id, String username, String phone) {
    if (id != null) {
      return storage.peerById(id);
    }
    if (username != null) {
      String u = username.strip();
      return storage.peerByUsername((u.startsWith("@") ? u.substring(1) : u).toLowerCase(Locale.ROOT));
    }
    String p = phone.strip();
    return storage.peerByPhoneNumber(p.startsWith("+") ? p.substring(1) : p);
  }

  /** The marked id of the peer an input peer addresses. */
  static long markedId(InputPeer peer) {
    if (peer instanceof InputPeer.User u) {
      return u.userId();
    }
    if (peer instanceof InputPeer.Chat c) {
      return PeerIds.markChat(c.chatId());
    }
    if (peer instanceof InputPeer.Channel c) {
      return PeerIds.markChannel(c.channelId());
    }
    throw new CliException("the lookup answered " + describe(peer) + ", which names no cached peer");
  }

  /** The TL form of an input peer, e.g. {@code inputPeerUser user_id:42 access_hash:7}. */
  static String describe(InputPeer peer) {
    if (peer instanceof InputPeer.User u) {
      return "inputPeerUser user_id:" + u.userId() + " access_hash:" + u.accessHash();
    }
    if (peer instanceof InputPeer.Chat c) {
      return "inputPeerChat chat_id:" + c.chatId();
    }
    if (peer instanceof InputPeer.Channel c) {
      return "inputPeerChannel channel_id:" + c.channelId() + " access_hash:" + c.accessHash();
    }
    return "inputPeerSelf";
  }
}
