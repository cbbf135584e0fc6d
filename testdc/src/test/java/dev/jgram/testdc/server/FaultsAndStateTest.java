package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.event.ClusterEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport faults, the state directory and the events file, over real sockets. */
class FaultsAndStateTest {
  private final AtomicReference<TestServices> services = new AtomicReference<>();

  @TempDir
  Path dir;

  @Test
  void delayedAnswersArriveNoSoonerThanTheDelay() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      cluster.faults().delayAnswers(Duration.ofMillis(300));
      long start = System.nanoTime();
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
          Duration.ofMillis(300));
    }
  }

  @Test
  void skewedClusterClockMakesTheClientCorrectItsClockAndRetry() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
            false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      cluster.faults().skewClock(Duration.ofMinutes(10));
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(client.seen).anySatisfy(a -> assertThat(a)
          .isInstanceOf(ClientAction.ClockCorrected.class));
      cluster.faults().clear();
      assertThat(cluster.clock().instant().getEpochSecond())
          .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
    }
  }

  @Test
  void authorisedKeyUsedByTwoConnectionsAtOnceIsDuplicatedThenGone() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient first = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false);
        TestClient second = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      AuthKeyResult key = first.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      first.call(Queries.wrapped(198, Queries.importBot())).ok();
      cluster.faults().detectDuplicateKeys(true);
      second.useKey(key.authKey(), key.firstSalt(), key.timeOffset());
      assertThat(second.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).error())
          .satisfies(e -> assertThat(e.code()).isEqualTo(406))
          .satisfies(e -> assertThat(e.message()).isEqualTo("AUTH_KEY_DUPLICATED"));
      assertThatThrownBy(() -> first.call(TlObject.of("help.getNearestDc")))
          .isInstanceOf(TransportException.class)
          .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-404);
      assertThat(cluster.keysHeld(1)).isZero();
    }
  }

  @Test
  void keyOnTwoConnectionsIsFineWithoutTheFault() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient first = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false);
        TestClient second = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      AuthKeyResult key = first.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      first.call(Queries.wrapped(198, Queries.importBot())).ok();
      second.useKey(key.authKey(), key.firstSalt(), key.timeOffset());
      second.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
    }
  }

  @Test
  void stateDirectoryKeepsKeysForTheNextClusterOnTheSameDirectory() throws IOException {
    AuthKeyResult key;
    try (TestCluster before = Clusters.builder(services).stateDir(dir).start();
        TestClient client = TestClient.connect(before.dc(2), TransportKind.INTERMEDIATE,
            false)) {
      key = client.exchangeKey(before.publicKey(), KeyExchangeOptions.current(2));
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
    }
    try (TestCluster after = Clusters.builder(services).stateDir(dir).start();
        TestClient client = TestClient.connect(after.dc(2), TransportKind.INTERMEDIATE, true)) {
      assertThat(after.keysHeld(2)).isEqualTo(1);
      assertThat(after.keysHeld(1)).isZero();
      client.useKey(key.authKey(), 0, key.timeOffset());
      assertThat(client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok()
          .intValue("this_dc")).isEqualTo(2);
      assertThat(after.keyExchanges(2)).isZero();
    }
  }

  @Test
  void eventsFileHoldsOneJsonLinePerEventAsItHappens() throws Exception {
    Path events = dir.resolve("events.jsonl");
    try (TestCluster cluster = Clusters.builder(services).events(events).start();
        TestClient client = TestClient.connect(cluster.dc(2), TransportKind.ABRIDGED, false)) {
      client.exchangeKey(cluster.publicKey(), new KeyExchangeOptions(0, false));
      client.call(Queries.wrapped(198, Queries.importBot())).ok();
      client.rawCall(Queries.getUsersSelf(198));
      services.get().login(cluster, 2, client.session.authKeyId());
      String key = String.format("%016x", client.session.authKeyId());
      String session = String.format("%016x", client.session.sessionId());
      assertThat(Files.readAllLines(events, StandardCharsets.UTF_8)).containsExactly(
          "{\"ev\":\"key_exchange\",\"dc\":2,\"auth_key_id\":\"" + key
              + "\",\"padding\":\"sha1\",\"inner\":\"p_q_inner_data\"}",
          "{\"ev\":\"rpc\",\"dc\":2,\"auth_key_id\":\"" + key + "\",\"session_id\":\"" + session
              + "\",\"layer\":198,\"method\":\"auth.importBotAuthorization\",\"user_id\":42,"
              + "\"error\":null}",
          "{\"ev\":\"rpc\",\"dc\":2,\"auth_key_id\":\"" + key + "\",\"session_id\":\"" + session
              + "\",\"layer\":198,\"method\":\"users.getUsers\",\"user_id\":42,"
              + "\"error\":null}",
          "{\"ev\":\"login\",\"dc\":2,\"auth_key_id\":\"" + key + "\",\"user_id\":42,"
              + "\"bot\":true}");
      assertThat(cluster.events()).last().isEqualTo(new ClusterEvent.Login(2,
          client.session.authKeyId(), 42, true));
    }
  }
}
