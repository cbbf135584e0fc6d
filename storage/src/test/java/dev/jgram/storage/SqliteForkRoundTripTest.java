package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random peers written by jgram into files of every layout (its own, Pyrogram's,
 * pyrofork's, kurigram's) read back exactly through every lookup, before and after reopening,
 * including peers that replace the fixture's own.
 */
class SqliteForkRoundTripTest {
  private static final PeerType[] TYPES = PeerType.values();

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<String> files = List.of("", "pyrogram-v3-user.session", "pyrofork-v4-user.session",
        "kurigram-v6-user.session", "pyrogram-v2-v1.4.0.session");
    return files.stream().flatMap(f -> Stream.of(1L, 2L, 3L, 4L)
        .map(seed -> Arguments.of(f.isEmpty() ? "new file" : f, seed)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("cases")
  void randomPeersReadBackThroughEveryLookup(String base, long seed) {
    Path file = base.equals("new file") ? dir.resolve("new.session") : Fixtures.copy(base, dir);
    StorageConfig config = StorageConfig.DEFAULTS.withClock(Fixtures.fixtureClock())
        .withCacheSize((int) (seed % 3) * 5); // 0 (no cache), 5 (evicting) or 10
    List<Peer> peers = randomPeers(new Random(seed));
    try (Storage s = Storage.file(file, config)) {
      s.open();
      s.updatePeers(peers);
      assertReadBack(s, peers);
    }
    try (Storage s = Storage.file(file, config)) {
      s.open();
      assertReadBack(s, peers);
    }
    try (Storage s = Storage.file(file, config.withReadOnly(true))) {
      s.open();
      assertReadBack(s, peers);
    }
  }

  private static void assertReadBack(Storage s, List<Peer> peers) {
    for (Peer p : peers) {
      Peer stored = p.withLastUpdateOn(Fixtures.FIXTURE_NOW);
      assertThat(s.peer(p.id())).contains(stored);
      assertThat(s.peerById(p.id())).isEqualTo(p.toInputPeer());
      for (String u : p.usernames()) {
        assertThat(s.peerByUsername(u)).as(u).isEqualTo(p.toInputPeer());
      }
      if (p.phoneNumber() != null) {
        assertThat(s.peerByPhoneNumber(p.phoneNumber())).isEqualTo(p.toInputPeer());
      }
    }
  }

  /** 1 to 30 peers; some reuse the fixtures' ids (111111111, 222222222) to replace them. */
  private static List<Peer> randomPeers(Random r) {
    List<Peer> peers = new ArrayList<>();
    int n = 1 + r.nextInt(30);
    for (int i = 0; i < n; i++) {
      PeerType type = TYPES[r.nextInt(TYPES.length)];
      long id = switch (type) {
        case USER, BOT -> i == 0 ? 222222222L : i == 1 ? 111111111L : 1 + r.nextInt(1 << 30);
        case GROUP -> -1 - r.nextInt(1 << 30);
        case CHANNEL, SUPERGROUP -> PeerIds.markChannel(1 + r.nextInt(1 << 30));
      };
      List<String> usernames = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        usernames.add("r" + Long.toHexString(r.nextLong()));
      }
      String phone = type == PeerType.USER && r.nextBoolean() ? "1" + (1_000_000 + i) : null;
      Long hash = r.nextInt(10) == 0 ? null : r.nextLong();
      Peer p = Peer.of(id, hash, type, usernames, phone);
      peers.removeIf(q -> q.id() == p.id());
      peers.add(p);
    }
    return peers;
  }
}
