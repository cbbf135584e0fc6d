package dev.jgram.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the crash child writes, derived from the batch number alone so that the parent can
 * recompute it: batch {@code n} holds peers {@code n*200+1 .. n*200+200}, and after it the
 * session row names {@code n} in {@code user_id}, {@code date} and {@code dc_id}.
 */
final class CrashBatches {
  /** Peers per batch. */
  static final int SIZE = 200;

  private CrashBatches() {}

  /** The batch a peer id belongs to. */
  static long batchOf(long peerId) {
    return (peerId - 1) / SIZE;
  }

  /** The peers of batch {@code n}. */
  static List<Peer> batch(long n) {
    List<Peer> peers = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      peers.add(peer(n * SIZE + i + 1));
    }
    return peers;
  }

  /** The peer with {@code id}, as written (lastUpdateOn 0). */
  static Peer peer(long id) {
    long mixed = id * 0x9E3779B97F4A7C15L;
    int i = (int) ((id - 1) % SIZE);
    PeerType type = i % 2 == 0 ? PeerType.USER : PeerType.BOT;
    List<String> usernames = i % 3 == 0 ? List.of("p" + id, "q" + id) : List.of();
    String phone = i % 4 == 0 ? "1" + id : null;
    return Peer.of(id, mixed ^ (mixed >>> 29), type, usernames, phone);
  }

  /** The session after batch {@code n}. */
  static Session session(AuthKey key, long n) {
    return new Session((int) (1 + n % 5), 12345L, false, key, n, n, n % 2 == 0);
  }

  /** The fixed auth key of a crash run. */
  static AuthKey key(long seed) {
    return new RandomData(seed).authKey();
  }
}
