package dev.jgram;

import dev.jgram.peers.ResultPeers;
import dev.jgram.storage.Storage;

/**
 * The peer cache's intake: every RPC result and pushed update passes here on its way to the
 * caller, and the users and chats in it are written as Pyrogram's {@code fetch_peers} writes
 * them, with the min rules of {@link ResultPeers}.
 */
final class PeerCacheFeed {
  private PeerCacheFeed() {}

  /** Writes the users and chats found in {@code result} to {@code storage}'s peer cache. */
  static void accept(Storage storage, Object result) {
    if (result != null) {
      ResultPeers.apply(storage, result);
    }
  }
}
