package dev.jgram.storage.postgres;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The peer-cache workload of shared/bench/workload.md, generated from a seed. */
final class Workload {
  private Workload() {}

  /** The {@code n} peers of the workload, in generation order. */
  static List<Peer> peers(long seed, int n) {
    Random random = new Random(seed);
    List<Peer> peers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double r = random.nextDouble();
      long hash = random.nextLong();
      if (r < 0.80) {
        List<String> names = new ArrayList<>();
        if (random.nextDouble() < 0.5) {
          names.add("user_" + i);
          if (random.nextDouble() < 0.05) {
            names.add("user_" + i + "_alt");
          }
        }
        String phone = random.nextDouble() < 0.3 ? Long.toString(10_000_000_000L + i) : null;
        peers.add(Peer.of(100_000_000L + i, hash, PeerType.USER, names, phone));
      } else if (r < 0.90) {
        peers.add(Peer.of(5_000_000_000L + i, hash, PeerType.BOT,
            List.of("bot" + i + "_bot"), null));
      } else if (r < 0.95) {
        List<String> names = random.nextDouble() < 0.5 ? List.of("chan_" + i) : List.of();
        peers.add(Peer.of(-1_000_000_000_000L - (1_500_000_000L + i), hash, PeerType.CHANNEL,
            names, null));
      } else if (r < 0.98) {
        List<String> names = random.nextDouble() < 0.3 ? List.of("group_" + i) : List.of();
        peers.add(Peer.of(-1_000_000_000_000L - (1_700_000_000L + i), hash,
            PeerType.SUPERGROUP, names, null));
      } else {
        peers.add(Peer.of(-(400_000_000L + i), 0L, PeerType.GROUP, List.of(), null));
      }
    }
    return peers;
  }
}
