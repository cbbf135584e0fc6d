package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against testdc's whole cluster (its own MTProto core and the API services). */
class ClientAgainstTestClusterTest {
  static final String TOKEN = "6000001:AAH-cluster_secret";
  static final long BOT = 6000001L;

  @TempDir
  Path dir;

  TestCluster start() {
    TestCluster cluster = TestCluster.builder().dcs(2, 1, 3).stateDir(dir.resolve("state"))
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(),
            setup.stateDir(), setup.updates(), setup.logins()))
        .start();
    ((Services) cluster.services()).addBot(BotSpec.ofToken(TOKEN));
    return cluster;
  }

  static Client.Builder client(TestCluster cluster, Path dir) {
    Client.Builder b = Client.builder("bot").workdir(dir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(cluster.publicKeyPem());
    cluster.dcs().forEach(d -> b.dc(d.id(), d.host(), d.port()));
    return b;
  }

  static long count(TestCluster cluster, Class<? extends ClusterEvent> type) {
    return cluster.events().stream().filter(type::isInstance).count();
  }

  @Test
  void firstStartThenSecondStartFromTheFileWithoutKeyExchangeOrLogin() throws Exception {
    try (TestCluster cluster = start()) {
      try (Client app = client(cluster, dir).build()) {
        assertThat(app.loginBot(TOKEN).id()).isEqualTo(BOT);
        assertThat(app.getMe().bot()).isTrue();
      }
      try (Client again = client(cluster, dir).build()) {
        assertThat(again.getMe().id()).isEqualTo(BOT);
        assertThat(again.keyExchanges()).isZero();
      }
      assertThat(cluster.keyExchanges(2)).isEqualTo(1);
      assertThat(count(cluster, ClusterEvent.KeyExchange.class)).isEqualTo(1);
      assertThat(count(cluster, ClusterEvent.Login.class)).isEqualTo(1);
      assertThat(cluster.events().stream().filter(ClusterEvent.Rpc.class::isInstance)
          .map(e -> ((ClusterEvent.Rpc) e).sessionId()).distinct().count()).isEqualTo(2);
    }
  }

  @Test
  void closedConnectionsSlowAnswersAndTransportFloodsAreSurvivedWithEachCallAnsweredOnce()
      throws Exception {
    List<Consumer<TestCluster>> faults = List.of(
        c -> c.faults().closeAfterFrames(3),
        c -> c.faults().delayAnswers(Duration.ofMillis(200)),
        c -> c.faults().transportErrors(-429, 2));
    try (TestCluster cluster = start()) {
      try (Client app = client(cluster, dir)
          .netOptions(o -> o.withReconnect(8, Duration.ofMillis(20), Duration.ofMillis(200)))
          .build()) {
        app.loginBot(TOKEN);
        for (Consumer<TestCluster> fault : faults) {
          cluster.faults().clear();
          fault.accept(cluster);
          List<CompletableFuture<Long>> calls = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> app.getMe().id()));
          }
          for (CompletableFuture<Long> call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(BOT);
          }
        }
        cluster.faults().clear();
        assertThat(app.keyExchanges()).isEqualTo(1);
      }
    }
  }

  @Test
  void aServerClockJumpingAheadOfTheWindowEndsInATypedFailureNotAHang() throws Exception {
    try (TestCluster cluster = start()) {
      try (Client app = client(cluster, dir)
          .netOptions(o -> o.withReconnect(3, Duration.ofMillis(20), Duration.ofMillis(100)))
          .build()) {
        app.loginBot(TOKEN);
        cluster.faults().skewClock(Duration.ofSeconds(120));
        org.assertj.core.api.Assertions.assertThatThrownBy(app::getMe)
            .isInstanceOf(dev.jgram.net.ConnectionFailedException.class)
            .hasMessageContaining("from the corrected clock");
      }
    }
  }
}
