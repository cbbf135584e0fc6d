package dev.jgram.cli;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerIds;

/** Names what a peer lookup found: the marked id and the TL form of an input peer. */
final class PeerQuery {
  private PeerQuery() {}

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
