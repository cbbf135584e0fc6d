package dev.jgram.cli;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/** The made-up account and peers the demo stores: plausible shapes, no real people. */
final class DemoData {
  static final long API_ID = 12345L;
  static final long USER_ID = 100_000_001L;
  static final long ALICE = 100_000_002L;
  static final long NEWS_CHANNEL = PeerIds.markChannel(1_500_000_001L);

  private DemoData() {}

  /** A logged-in user session on DC 2 with a freshly generated random auth key. */
  static Session session() {
    byte[] key = new byte[AuthKey.LENGTH];
    new SecureRandom().nextBytes(key);
    try {
      return new Session(2, API_ID, false, AuthKey.of(key), 0, USER_ID, false);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** A user with two usernames, a channel, a bot and a basic group. */
  static List<Peer> peers() {
    return List.of(
        Peer.of(ALICE, 7_239_118_114_211_452_801L, PeerType.USER,
            List.of("alice", "alice_collectible"), "15550100001"),
        Peer.of(NEWS_CHANNEL, -4_611_686_018_427_387_904L, PeerType.CHANNEL,
            List.of("jgram_news"), null),
        Peer.of(100_000_003L, 1_311_768_467_294_899_695L, PeerType.BOT,
            List.of("weather_bot"), null),
        Peer.of(PeerIds.markChat(400_000_001L), 0L, PeerType.GROUP, List.of(), null));
  }

  /** How the demo names a peer in its output. */
  static String describe(Peer p) {
    String name = p.usernames().isEmpty() ? "id " + p.id() : "@" + String.join(" / @", p.usernames());
    return name + " (" + p.type().value() + ")";
  }
}
