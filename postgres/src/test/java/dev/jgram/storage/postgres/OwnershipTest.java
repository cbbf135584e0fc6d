package dev.jgram.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.SessionLockedException;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private final String schema = Pg.freshSchema("owner");
  private final List<PostgresStorage> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(PostgresStorage::close);
  }

  private PostgresStorage storage(String name) {
    PostgresStorage s = PostgresStorage.create(Pg.pool(), name, schema, StorageConfig.DEFAULTS);
    opened.add(s);
    return s;
  }

  private long advisoryLocksOf(String name) {
    long key = new SessionRef(schema, name).leaseKey();
    return Pg.queryLong(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
            + " AND classid = ?::bigint::oid AND objid = ?::bigint::oid",
        key >>> 32, key & 0xffffffffL);
  }

  @Test
  void secondOpenerFailsAtOnceNamingTheOwnersHostAndPid() throws Exception {
    storage("alice").open();
    PostgresStorage second = storage("alice");
    assertThatThrownBy(second::open)
        .isInstanceOfSatisfying(SessionLockedException.class, e -> {
          assertThat(e.session()).isEqualTo("postgres:" + schema + "/alice");
          assertThat(e.ownerPid()).isEqualTo(ProcessHandle.current().pid());
          assertThat(e.ownerSince()).isNotNull();
        })
        .hasMessageContaining("process " + ProcessHandle.current().pid())
        .hasMessageContaining("on host " + InetAddress.getLocalHost().getHostName());
  }

  @Test
  void theLockHoldersBackendIsTheOneTheOwnerRowNames() throws Exception {
    storage("alice").open();
    try (Connection c = Pg.server().getPostgresDatabase().getConnection()) {
      Integer holder = Lease.holderBackend(c, new SessionRef(schema, "alice").leaseKey());
      assertThat(holder).isNotNull();
      assertThat((long) holder).isEqualTo(Pg.queryLong(
          "SELECT backend_pid FROM " + schema + ".owners WHERE session = 'alice'"));
    }
  }

  @Test
  void lockHeldWithoutAnOwnerRowIsReportedAsAnUnknownOwner() throws Exception {
    storage("warmup").open();
    try (Connection admin = Pg.server().getPostgresDatabase().getConnection();
        PreparedStatement lock = admin.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, new SessionRef(schema, "alice").leaseKey());
      lock.execute();
      assertThatThrownBy(storage("alice")::open)
          .isInstanceOfSatisfying(SessionLockedException.class, e -> {
            assertThat(e.ownerPid()).isEqualTo(-1);
            assertThat(e.ownerHost()).isNull();
          })
          .hasMessage("postgres:" + schema + "/alice: session is in use by another client"
              + " (owner unknown)");
    }
  }

  @Test
  void otherSessionNamesAreNotLocked() {
    storage("alice").open();
    PostgresStorage bob = storage("bob");
    bob.open();
    assertThat(bob.peerCount()).isZero();
  }

  @Test
  void afterTheOwnerClosesTheLeaseIsFreeAndNoLockStaysOnThePooledConnection() {
    PostgresStorage first = storage("alice");
    first.open();
    assertThat(advisoryLocksOf("alice")).isEqualTo(1);
    first.close();
    assertThat(advisoryLocksOf("alice")).isZero();
    assertThat(Pg.queryLong("SELECT count(*) FROM " + schema + ".owners")).isZero();
    PostgresStorage second = storage("alice");
    second.open();
    assertThat(second.peerCount()).isZero();
  }

  @Test
  void killedOwnerConnectionFreesTheLeaseAndTheOldOwnerCannotWriteAnyMore() {
    PostgresStorage first = storage("alice");
    first.open();
    Pg.terminateOwner(schema, "alice");
    PostgresStorage second = storage("alice");
    second.open();
    List<Peer> peers = List.of(Peer.of(1, 1L, PeerType.USER, List.of(), null));
    assertThatThrownBy(() -> first.updatePeers(peers))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("postgres:" + schema + "/alice: cannot write 1 peers: ");
    assertThatThrownBy(() -> first.updatePeers(peers))
        .isInstanceOfSatisfying(SessionLockedException.class, e ->
            assertThat(e.ownerPid()).isEqualTo(ProcessHandle.current().pid()));
    assertThat(second.peerCount()).isZero();
    second.close();
    first.updatePeers(peers);
    assertThat(first.peerCount()).isEqualTo(1);
  }

  @Test
  void ownerInAnotherJvmIsNamedByItsPidAndItsDeathFreesTheLease() throws Exception {
    storage("warmup").open();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LeaseHolder.class.getName(), Pg.jdbcUrl(), schema, "alice")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("OWNED");
      PostgresStorage here = storage("alice");
      assertThatThrownBy(here::open)
          .isInstanceOfSatisfying(SessionLockedException.class, e ->
              assertThat(e.ownerPid()).isEqualTo(child.pid()))
          .hasMessageContaining("process " + child.pid());
      long backend = Pg.queryLong(
          "SELECT backend_pid FROM " + schema + ".owners WHERE session = 'alice'");
      child.destroyForcibly().waitFor();
      Pg.awaitBackendGone(backend);
      PostgresStorage after = storage("alice");
      after.open();
      assertThat(Pg.queryLong("SELECT pid FROM " + schema + ".owners WHERE session = 'alice'"))
          .isEqualTo(ProcessHandle.current().pid());
    } finally {
      child.destroyForcibly();
    }
  }
}
