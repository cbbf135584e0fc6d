package dev.jgram.bench;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The peer-cache workload of {@code shared/bench/workload.md}: N peers drawn with a seeded
 * {@link SplittableRandom}, written in batches of {@value #BATCH}.
 *
 * <p>For peer {@code i} the generator draws, in this order: {@code r} uniform in [0, 1), the
 * access hash uniform over all 64-bit values, then the type's optional fields:
 *
 * <table>
 *   <caption>Peers by share of {@code r}</caption>
 *   <tr><th>r</th><th>type</th><th>marked id</th><th>usernames</th><th>phone</th></tr>
 *   <tr><td>&lt; 0.80</td><td>user</td><td>100,000,000 + i</td>
 *       <td>p 0.5: {@code user_i}; if so, p 0.05: also {@code user_i_alt}</td>
 *       <td>p 0.3: digits of 10,000,000,000 + i</td></tr>
 *   <tr><td>&lt; 0.90</td><td>bot</td><td>5,000,000,000 + i</td><td>{@code bot<i>_bot}</td>
 *       <td>none</td></tr>
 *   <tr><td>&lt; 0.95</td><td>channel</td><td>-1,000,000,000,000 - (1,500,000,000 + i)</td>
 *       <td>p 0.5: {@code chan_i}</td><td>none</td></tr>
 *   <tr><td>&lt; 0.98</td><td>supergroup</td><td>-1,000,000,000,000 - (1,700,000,000 + i)</td>
 *       <td>p 0.3: {@code group_i}</td><td>none</td></tr>
 *   <tr><td>else</td><td>group</td><td>-(400,000,000 + i)</td><td>none</td>
 *       <td>none (access hash 0)</td></tr>
 * </table>
 */
final class Workload {
  /** Peers per {@code updatePeers} call: what one update or API answer typically carries. */
  static final int BATCH = 200;

  private static final long CHANNEL_BASE = -1_000_000_000_000L;

  private final Peer[] peers;
  private final long seed;

  private Workload(Peer[] peers, long seed) {
    this.peers = peers;
    this.seed = seed;
  }

  /** Draws {@code n} peers from {@code seed}. */
  static Workload generate(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("peer count must be positive, was " + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Peer[] peers = new Peer[n];
    for (int i = 0; i < n; i++) {
      peers[i] = peer(i, random);
    }
    return new Workload(peers, seed);
  }

  static Peer peer(int i, SplittableRandom random) {
    double r = random.nextDouble();
    long hash = random.nextLong();
    if (r < 0.80) {
      List<String> names = new ArrayList<>(2);
      if (random.nextDouble() < 0.5) {
        names.add("user_" + i);
        if (random.nextDouble() < 0.05) {
          names.add("user_" + i + "_alt");
        }
      }
      String phone = random.nextDouble() < 0.3 ? Long.toString(10_000_000_000L + i) : null;
      return Peer.of(100_000_000L + i, hash, PeerType.USER, names, phone);
    } else if (r < 0.90) {
      return Peer.of(5_000_000_000L + i, hash, PeerType.BOT, List.of("bot" + i + "_bot"), null);
    } else if (r < 0.95) {
      List<String> names = random.nextDouble() < 0.5 ? List.of("chan_" + i) : List.of();
      return Peer.of(CHANNEL_BASE - (1_500_000_000L + i), hash, PeerType.CHANNEL, names, null);
    } else if (r < 0.98) {
      List<String> names = random.nextDouble() < 0.3 ? List.of("group_" + i) : List.of();
      return Peer.of(CHANNEL_BASE - (1_700_000_000L + i), hash, PeerType.SUPERGROUP, names, null);
    }
    return Peer.of(-(400_000_000L + i), 0L, PeerType.GROUP, List.of(), null);
  }

  /** How many peers. */
  int size() {
    return peers.length;
  }

  /** The seed the peers were drawn from. */
  long seed() {
    return seed;
  }

  /** Peer {@code i}. */
  Peer peer(int i) {
    return peers[i];
  }

  /** The peers in generation order, cut into batches of {@value #BATCH}. */
  List<List<Peer>> batches() {
    List<List<Peer>> batches = new ArrayList<>((peers.length + BATCH - 1) / BATCH);
    for (int from = 0; from < peers.length; from += BATCH) {
      int to = Math.min(peers.length, from + BATCH);
      batches.add(List.of(java.util.Arrays.copyOfRange(peers, from, to)));
    }
    return batches;
  }

  /**
   * The session row that exists before the first batch: DC 2, api_id 12345, a 256-byte key
   * drawn from the seed, user 777000, not a bot, production servers.
   */
  Session session() {
    byte[] key = new byte[AuthKey.LENGTH];
    new SplittableRandom(seed ^ 0x5e55_10a7L).nextBytes(key);
    return new Session(2, 12345L, false, AuthKey.of(key), 0, 777_000L, false);
  }
}
