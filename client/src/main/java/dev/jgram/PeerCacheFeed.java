package dev.jgram;

import dev.jgram.storage.Storage;

/**
 * The peer cache's intake: every RPC result and pushed update passes here on its way to the
 * caller.
 */
final class PeerCacheFeed {
  private PeerCacheFeed() {}

  /** Writes the users and chats found in {@code result} to {@code storage}'s peer cache. */
  static void accept(Storage storage, Object result) {
    // The extraction (dev.jgram.peers.ResultPeers.apply) lands with the peers branch; until
    // then results pass through without touching the cache.
  }
}
