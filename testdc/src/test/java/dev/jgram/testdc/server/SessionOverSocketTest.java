package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.auth.TempKeyBinding;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.session.FutureSalt;
import dev.jgram.mtproto.session.ServerOptions;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Service messages, salts and temporary keys through the cluster over real sockets. */
class SessionOverSocketTest {
  private final AtomicReference<TestServices> services = new AtomicReference<>();

  @Test
  void pingIsAnsweredWithPongOutsideRpcResult() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, true)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      List<ClientAction> got = client.service(TlObject.of("ping", "ping_id", 77L),
          ClientAction.Pong.class);
      assertThat(got).last().isInstanceOfSatisfying(ClientAction.Pong.class,
          pong -> assertThat(pong.pingId()).isEqualTo(77L));
      assertThat(cluster.events()).hasSize(1); // the key exchange; a ping is no RPC
    }
  }

  @Test
  void futureSaltsRotateWithTheClusterClock() throws IOException {
    MutableClock clock = new MutableClock();
    SessionSettings settings = new SessionSettings(Duration.ofMinutes(10),
        Duration.ofMinutes(5), ServerOptions.defaults());
    try (TestCluster cluster = Clusters.builder(services).clock(clock).sessions(settings)
        .start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
            false, TlCodec.forLayer(198), clock)) {
      AuthKeyResult key = client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      List<ClientAction> got = client.service(TlObject.of("get_future_salts", "num", 3),
          ClientAction.FutureSalts.class);
      List<FutureSalt> salts = ((ClientAction.FutureSalts) got.get(got.size() - 1)).salts();
      assertThat(salts).hasSize(3);
      assertThat(salts.get(0).salt()).isEqualTo(key.firstSalt());
      assertThat(salts).extracting(FutureSalt::salt).doesNotHaveDuplicates();
      clock.advance(Duration.ofMinutes(21));
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(client.session.salt(clock.instant())).isEqualTo(salts.get(2).salt());
    }
  }

  @Test
  void staleSaltIsRefusedWithBadServerSaltCarryingTheCurrentOne() throws IOException {
    MutableClock clock = new MutableClock();
    SessionSettings settings = new SessionSettings(Duration.ofMinutes(10),
        Duration.ofMinutes(5), ServerOptions.defaults());
    try (TestCluster cluster = Clusters.builder(services).clock(clock).sessions(settings)
        .start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
            false, TlCodec.forLayer(198), clock)) {
      AuthKeyResult key = client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      clock.advance(Duration.ofMinutes(16));
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(client.seen).anySatisfy(a -> assertThat(a)
          .isInstanceOfSatisfying(ClientAction.Resend.class, r -> assertThat(r.reason())
              .isEqualTo(ClientAction.Reason.BAD_SERVER_SALT)));
      assertThat(client.session.salt(clock.instant())).isNotEqualTo(key.firstSalt());
    }
  }

  @Test
  void pingDelayDisconnectClosesTheConnectionAfterTheDelay() throws IOException {
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      client.service(TlObject.of("ping_delay_disconnect", "ping_id", 1L,
          "disconnect_delay", 1), ClientAction.Pong.class);
      assertThatThrownBy(client::receive).isInstanceOf(UncheckedIOException.class);
      assertThat(cluster.keysHeld(1)).isEqualTo(1);
    }
  }

  @Test
  void temporaryKeyBoundToALoggedInPermanentKeyActsForItAfterANewInit() throws IOException {
    Clock fixed = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    try (TestCluster cluster = Clusters.builder(services).start();
        TestClient permanent = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false);
        TestClient temporary = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false,
            TlCodec.forLayer(198), fixed)) {
      AuthKeyResult perm = permanent.exchangeKey(cluster.publicKey(),
          KeyExchangeOptions.current(1));
      permanent.call(Queries.wrapped(198, Queries.importBot())).ok();
      AuthKeyResult temp = temporary.exchangeKey(cluster.publicKey(),
          KeyExchangeOptions.temporary(1, 3600));
      assertThat(temporary.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).error()
          .message()).isEqualTo("AUTH_KEY_PERM_EMPTY");
      temporary.useKey(temp.authKey(), temp.firstSalt(), 0);
      long msgId = firstClientMsgId(fixed.instant());
      TlObject bind = TempKeyBinding.request(perm.authKey(), temp.authKey(),
          temporary.session.sessionId(), msgId, (int) fixed.instant().getEpochSecond() + 3600,
          RandomSource.secure());
      assertThat(temporary.call(bind).ok().name()).isEqualTo("boolTrue");
      assertThat(temporary.call(TlObject.of("help.getNearestDc")).error().message())
          .isEqualTo("CONNECTION_NOT_INITED");
      byte[] users = temporary.rawCall(TlCodec.forLayer(198).encode(Queries.wrapped(198,
          TlObject.of("users.getUsers", "id", List.of(TlObject.of("inputUserSelf"))))));
      assertThat(Queries.firstUserConstructor(users)).isEqualTo(Queries.USER_IDS.get(198));
      assertThat(temporary.call(bind).error().message())
          .isEqualTo("TEMP_AUTH_KEY_ALREADY_BOUND");
    }
  }

  /** The msg_id a fresh client session gives its first message at {@code now}. */
  private static long firstClientMsgId(Instant now) {
    long fraction = ((long) now.getNano() << 32) / 1_000_000_000L;
    return (now.getEpochSecond() << 32) | (fraction & ~3L);
  }
}
