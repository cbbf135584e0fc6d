package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageCopyTest {
  private final TestClock clock = new TestClock(1_700_000_000L);
  private final StorageConfig config = StorageConfig.DEFAULTS.withClock(clock);

  private Storage filled(long seed, int peers) {
    RandomData data = new RandomData(seed);
    Storage s = Storage.memory(config);
    s.open();
    s.session(data.session().withDate(1234));
    s.restorePeers(data.peers(peers).stream()
        .map(p -> p.withLastUpdateOn(data.random().nextLong(1_600_000_000L, 1_700_000_000L)))
        .toList());
    s.updateState(new UpdateState(1, 2, 3, 4));
    s.channelPts(10, 100);
    s.channelPts(20, 200);
    s.revokeKey("AUTH_KEY_DUPLICATED");
    return s;
  }

  private static List<Peer> peersOf(Storage s) {
    List<Peer> all = new ArrayList<>();
    s.forEachPeer(all::add);
    return all;
  }

  @Test
  void copyCarriesEverythingIncludingPeerTimestampsAcrossSeveralBatches() {
    Storage from = filled(7, StorageCopy.BATCH * 2 + 17);
    Storage to = Storage.memory(config);
    to.open();
    long copied = StorageCopy.copy(from, to);
    assertThat(copied).isEqualTo(from.peerCount());
    assertThat(to.session()).isEqualTo(from.session());
    assertThat(peersOf(to)).isEqualTo(peersOf(from));
    assertThat(to.updateState()).contains(new UpdateState(1, 2, 3, 4));
    assertThat(to.allChannelPts()).isEqualTo(Map.of(10L, 100, 20L, 200));
    assertThat(to.keyRevocation()).hasValueSatisfying(
        r -> assertThat(r).contains("AUTH_KEY_DUPLICATED"));
  }

  @Test
  void copyOfAnEmptyStorageWritesItsInitialSessionOnly() {
    Storage from = Storage.memory(config);
    from.open();
    Storage to = filled(3, 5);
    StorageCopy.copy(from, to);
    assertThat(to.session()).isEqualTo(Session.EMPTY);
    assertThat(to.peerCount()).isEqualTo(5);
  }

  @Test
  void copyNeedsBothStoragesOpen() {
    Storage from = filled(1, 3);
    Storage to = Storage.memory(config);
    assertThatThrownBy(() -> StorageCopy.copy(from, to))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StorageCopy.copy(from, from))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(":memory:: cannot copy a storage into itself");
  }
}
