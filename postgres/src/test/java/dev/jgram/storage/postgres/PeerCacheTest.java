package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The id cache in front of the database never answers with an entry that was replaced. */
class PeerCacheTest {
  private final String schema = Pg.freshSchema("cache");
  private final List<PostgresStorage> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(PostgresStorage::close);
  }

  private PostgresStorage open(StorageConfig config) {
    PostgresStorage s = PostgresStorage.create(Pg.pool(), "alice", schema, config);
    opened.add(s);
    s.open();
    return s;
  }

  private static Peer peer(long hash) {
    return Peer.of(1, hash, PeerType.USER, List.of(), null);
  }

  @Test
  void idLookupsSeeEveryRewriteOfACachedPeer() {
    PostgresStorage s = open(StorageConfig.DEFAULTS);
    s.updatePeers(List.of(peer(1)));
    assertThat(s.peerById(1)).isEqualTo(new InputPeer.User(1, 1));
    s.updatePeers(List.of(peer(2)));
    assertThat(s.peerById(1)).isEqualTo(new InputPeer.User(1, 2));
    s.restorePeers(List.of(peer(3).withLastUpdateOn(5)));
    assertThat(s.peer(1).orElseThrow().lastUpdateOn()).isEqualTo(5);
  }

  @Test
  void aZeroCacheStillAnswersFromTheDatabase() {
    PostgresStorage s = open(StorageConfig.DEFAULTS.withCacheSize(0));
    s.updatePeers(List.of(peer(4)));
    assertThat(s.peerById(1)).isEqualTo(new InputPeer.User(1, 4));
    assertThat(s.peerById(1)).isEqualTo(new InputPeer.User(1, 4));
  }

  @Test
  void peersCachedBeforeALostLeaseAreForgottenWhenItIsTakenAgain() {
    PostgresStorage first = open(StorageConfig.DEFAULTS);
    first.updatePeers(List.of(peer(1)));
    assertThat(first.peerById(1)).isEqualTo(new InputPeer.User(1, 1));
    Pg.terminateOwner(schema, "alice");
    assertThatThrownBy(first::peerCount).isInstanceOf(StorageException.class);
    try (PostgresStorage second = open(StorageConfig.DEFAULTS)) {
      second.updatePeers(List.of(peer(9)));
    }
    assertThat(first.peerById(1)).isEqualTo(new InputPeer.User(1, 9));
  }
}
