package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Engine-specific behaviour; the shared contract runs in {@link PostgresStorageContractTest}. */
class PostgresStorageTest {
  private static final long T0 = 1_700_000_000L;
  private final MutableClock clock = new MutableClock(T0);
  private final StorageConfig config = StorageConfig.DEFAULTS.withClock(clock);
  private final String schema = Pg.freshSchema("engine");
  private final List<PostgresStorage> opened = new ArrayList<>();
  private PostgresStorage storage;

  @BeforeEach
  void openStorage() {
    storage = open("alice");
  }

  @AfterEach
  void closeAll() {
    opened.forEach(PostgresStorage::close);
  }

  private PostgresStorage open(String name) {
    PostgresStorage s = PostgresStorage.create(Pg.pool(), name, schema, config);
    opened.add(s);
    s.open();
    return s;
  }

  private static Peer user(long id, String... usernames) {
    return Peer.of(id, id * 7, PeerType.USER, List.of(usernames), null);
  }

  private static AuthKey key(int seed) {
    byte[] bytes = new byte[AuthKey.LENGTH];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return AuthKey.of(bytes);
  }

  @Test
  void updatePeersReplacesTheWholeEntryAndStampsTheClock() {
    storage.updatePeers(List.of(Peer.of(10, 1L, PeerType.USER, List.of("a", "b"), "4411")));
    clock.set(T0 + 5);
    storage.updatePeers(List.of(Peer.of(10, 2L, PeerType.BOT, List.of("c"), null)));
    assertThat(storage.peer(10))
        .contains(new Peer(10, 2L, PeerType.BOT, List.of("c"), null, T0 + 5));
    assertThatThrownBy(() -> storage.peerByPhoneNumber("4411"))
        .isInstanceOf(PeerNotFoundException.class).hasMessage("Phone number not found: 4411");
    assertThatThrownBy(() -> storage.peerByUsername("a"))
        .hasMessage("Username not found: a");
    assertThat(storage.peerByUsername("c")).isEqualTo(new InputPeer.User(10, 2));
  }

  @Test
  void whenTwoPeersClaimAUsernameTheNewestEntryWins() {
    storage.updatePeers(List.of(user(1, "shared")));
    storage.updatePeers(List.of(user(2, "shared")));
    assertThat(storage.peerByUsername("shared")).isEqualTo(new InputPeer.User(2, 14));
    clock.set(T0 + 1);
    storage.updatePeers(List.of(user(1, "shared")));
    assertThat(storage.peerByUsername("shared")).isEqualTo(new InputPeer.User(1, 7));
  }

  @Test
  void peerNamedTwiceInOneBatchKeepsTheLaterEntry() {
    storage.updatePeers(List.of(user(1, "old"), user(2), user(1, "new", "new")));
    assertThat(storage.peer(1).orElseThrow().usernames()).containsExactly("new", "new");
    assertThat(storage.peerCount()).isEqualTo(2);
    assertThatThrownBy(() -> storage.peerByUsername("old")).hasMessage("Username not found: old");
  }

  @Test
  void usernameDroppedByItsNewestClaimantFallsBackToTheOlderClaimant() {
    storage.updatePeers(List.of(user(1, "x")));
    storage.updatePeers(List.of(user(2, "x")));
    storage.updatePeers(List.of(user(2, "y")));
    assertThat(storage.peerByUsername("x")).isEqualTo(new InputPeer.User(1, 7));
  }

  @Test
  void usernameDroppedAndTakenBackResolvesAgain() {
    storage.updatePeers(List.of(user(1, "x")));
    storage.updatePeers(List.of(user(1, "y")));
    assertThatThrownBy(() -> storage.peerByUsername("x")).hasMessage("Username not found: x");
    clock.set(T0 + 3);
    storage.updatePeers(List.of(user(1, "y", "x")));
    assertThat(storage.peerByUsername("x")).isEqualTo(new InputPeer.User(1, 7));
  }

  @Test
  void forEachPeerVisitsEveryPeerInIdOrderAcrossPages() {
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      peers.add(user(2_500 - i));
    }
    peers.add(Peer.of(Long.MIN_VALUE, 1L, PeerType.GROUP, List.of(), null));
    peers.add(user(Long.MAX_VALUE));
    storage.updatePeers(peers);
    List<Long> ids = new ArrayList<>();
    storage.forEachPeer(p -> ids.add(p.id()));
    assertThat(ids).hasSize(2_502).isSorted().startsWith(Long.MIN_VALUE).endsWith(Long.MAX_VALUE);
    assertThat(storage.peerCount()).isEqualTo(2_502);
  }

  @Test
  void revokedKeyIsRememberedAndRefusesToExport() {
    storage.session(new Session(2, 1L, false, key(2), 0, 1L, false));
    storage.revokeKey("AUTH_KEY_DUPLICATED");
    assertThat(storage.keyRevocation()).contains("AUTH_KEY_DUPLICATED");
    assertThatThrownBy(storage::exportSessionString)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("postgres:" + schema + "/alice")
        .hasMessageContaining("AUTH_KEY_DUPLICATED");
  }

  @Test
  void sessionsInOneSchemaNeverSeeEachOthersRows() {
    PostgresStorage bob = open("bob");
    storage.updatePeers(List.of(user(1, "alice_peer")));
    storage.channelPts(9, 9);
    bob.updatePeers(List.of(user(1, "bob_peer"), user(2)));
    bob.session(Session.EMPTY.withDcId(5));
    assertThat(storage.peerCount()).isEqualTo(1);
    assertThat(bob.peerCount()).isEqualTo(2);
    assertThat(storage.peer(1).orElseThrow().usernames()).containsExactly("alice_peer");
    assertThatThrownBy(() -> storage.peerByUsername("bob_peer"))
        .isInstanceOf(PeerNotFoundException.class);
    assertThat(storage.session().dcId()).isEqualTo(2);
    assertThat(bob.allChannelPts()).isEmpty();
  }

  @Test
  void deleteRemovesOnlyThisSessionAndCloses() {
    PostgresStorage bob = open("bob");
    bob.updatePeers(List.of(user(3)));
    storage.updatePeers(List.of(user(1, "a")));
    storage.revokeKey("gone");
    storage.delete();
    assertThatThrownBy(storage::session).isInstanceOf(IllegalStateException.class);
    assertThat(bob.peerCount()).isEqualTo(1);
    PostgresStorage again = open("alice");
    assertThat(again.peerCount()).isZero();
    assertThat(again.keyRevocation()).isEmpty();
    assertThat(again.session()).isEqualTo(Session.EMPTY);
  }

  @Test
  void closingNeverClosesTheCallersDataSource() throws Exception {
    storage.close();
    try (var c = Pg.pool().getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void readOnlyStorageReadsWithoutTakingTheLeaseAndRefusesWrites() {
    storage.updatePeers(List.of(user(1, "ro")));
    PostgresStorage inspector = PostgresStorage.create(
        Pg.pool(), "alice", schema, config.withReadOnly(true));
    opened.add(inspector);
    inspector.open();
    assertThat(inspector.peerByUsername("ro")).isEqualTo(new InputPeer.User(1, 7));
    assertThatThrownBy(() -> inspector.channelPts(1, 1))
        .isInstanceOf(StorageException.class)
        .hasMessage("postgres:" + schema
            + "/alice: storage is read-only; cannot write a channel pts");
  }

  @Test
  void readOnlyOpenOfAnUnknownSessionNamesIt() {
    PostgresStorage inspector = PostgresStorage.create(
        Pg.pool(), "nobody", schema, config.withReadOnly(true));
    assertThatThrownBy(inspector::open)
        .isInstanceOf(StorageException.class)
        .hasMessage("postgres:" + schema + "/nobody: no session named 'nobody' in schema "
            + schema);
  }

  @Test
  void failedWriteNamesSessionAndSchemaButNeverTheKeyBytes() {
    Pg.exec("ALTER TABLE " + schema + ".sessions ADD CONSTRAINT small_dc CHECK (dc_id < 100)");
    AuthKey key = key(3);
    String hex = HexFormat.of().formatHex(key.bytes()).substring(0, 32);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> storage.session(new Session(203, 1L, false, key, 0, 1L, false)));
    assertThat(thrown).isInstanceOf(StorageException.class)
        .hasMessageStartingWith("postgres:" + schema + "/alice: cannot write the session: ")
        .hasMessageContaining("small_dc");
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContainIgnoringCase(hex);
      assertThat(t.toString()).doesNotContain("Failing row");
    }
  }

  @Test
  void invalidNamesAreRefusedWithExactMessages() {
    assertThatThrownBy(() -> PostgresStorage.create(Pg.pool(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("session name must be a non-blank account tag, was ' '");
    assertThatThrownBy(() -> PostgresStorage.create(Pg.pool(), "a", "Bad-Schema", config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema must be a lower-case SQL identifier matching [a-z_][a-z0-9_]{0,62},"
            + " was 'Bad-Schema'");
    assertThatThrownBy(() -> PostgresStorage.create(null, "a"))
        .isInstanceOf(NullPointerException.class).hasMessage("dataSource is required");
  }
}
