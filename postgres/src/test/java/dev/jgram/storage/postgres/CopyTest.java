package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageCopy;
import dev.jgram.storage.UpdateState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a session into PostgreSQL and back out, as {@code jgram convert} does. */
class CopyTest {
  private final MutableClock clock = new MutableClock(1_700_000_000L);
  private final StorageConfig config = StorageConfig.DEFAULTS.withClock(clock);
  private final String schema = Pg.freshSchema("copy");

  private static List<Peer> peers(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    PeerType[] types = PeerType.values();
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PeerType type = types[random.nextInt(types.length)];
      List<String> names = random.nextInt(3) == 0 ? List.of() : List.of("n" + i, "m" + i);
      String phone = type.isUser() && random.nextBoolean() ? "1" + i : null;
      Long hash = random.nextInt(10) == 0 ? null : random.nextLong();
      peers.add(new Peer(1_000L + i, hash, type, names, phone,
          1_600_000_000L + random.nextInt(100_000_000)));
    }
    return peers;
  }

  private static List<Peer> all(Storage s) {
    List<Peer> list = new ArrayList<>();
    s.forEachPeer(list::add);
    return list;
  }

  @Test
  void sessionMovedIntoPostgresAndBackOutIsUnchanged() {
    byte[] key = new byte[AuthKey.LENGTH];
    new SplittableRandom(1).nextBytes(key);
    Storage original = Storage.memory(config);
    original.open();
    original.session(
        new Session(2, 12345L, false, AuthKey.of(key), 1_700_000_000L, 777000L, false));
    original.restorePeers(peers(9, 2_345));
    original.updateState(new UpdateState(5, 6, 7, 8));
    original.channelPts(1_234_567_890L, 42);

    try (PostgresStorage pg = PostgresStorage.create(Pg.pool(), "moved", schema, config)) {
      pg.open();
      assertThat(StorageCopy.copy(original, pg)).isEqualTo(2_345);
      Storage back = Storage.memory(config);
      back.open();
      StorageCopy.copy(pg, back);
      assertThat(back.session()).isEqualTo(original.session());
      assertThat(all(back)).isEqualTo(all(original));
      assertThat(back.updateState()).isEqualTo(original.updateState());
      assertThat(back.allChannelPts()).isEqualTo(original.allChannelPts());
      assertThat(back.exportSessionString()).isEqualTo(original.exportSessionString());
    }
  }

  @Test
  void sessionFileMovedIntoPostgresAndBackToAFileIsUnchanged(@TempDir Path dir) {
    List<Peer> peers = peers(11, 1_500);
    try (Storage file = Storage.file(dir.resolve("me.session"), config);
        PostgresStorage pg = PostgresStorage.create(Pg.pool(), "from_file", schema, config);
        Storage back = Storage.file(dir.resolve("back.session"), config)) {
      file.open();
      file.session(new Session(4, 611335L, false, AuthKey.of(new byte[AuthKey.LENGTH]), 9, 5L,
          true));
      file.restorePeers(peers);
      file.channelPts(77, 7);
      pg.open();
      back.open();
      StorageCopy.copy(file, pg);
      StorageCopy.copy(pg, back);
      assertThat(back.session()).isEqualTo(file.session());
      assertThat(all(back)).isEqualTo(all(file));
      assertThat(back.allChannelPts()).isEqualTo(file.allChannelPts());
    }
  }
}
