package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.event.ClusterEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** jgram's client pieces against a running cluster over real sockets on 127.0.0.1. */
class EndToEndTest {
  private final AtomicReference<TestServices> services = new AtomicReference<>();
  private TestCluster cluster;

  @BeforeEach
  void start() {
    cluster = Clusters.builder(services).start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  static Stream<Arguments> transports() {
    return Stream.of(TransportKind.values()).flatMap(kind -> kind == TransportKind.FULL
        ? Stream.of(Arguments.of(kind, false))
        : Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, obfuscated {1}")
  @MethodSource("transports")
  void keyExchangeAndAWrappedGetConfigWorkOverEveryTransport(TransportKind kind,
      boolean obfuscated) throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(2), kind, obfuscated)) {
      AuthKeyResult key = client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(2));
      TlObject config = client.call(Queries.wrapped(198, TlObject.of("help.getConfig"))).ok();
      assertThat(config.intValue("this_dc")).isEqualTo(2);
      assertThat(config.<TlObject>list("dc_options"))
          .extracting(o -> o.intValue("port"))
          .containsExactly(cluster.dc(1).port(), cluster.dc(2).port());
      assertThat(client.seen).hasAtLeastOneElementOfType(ClientAction.SessionCreated.class);
      long keyId = client.session.authKeyId();
      assertThat(cluster.events()).containsExactly(
          new ClusterEvent.KeyExchange(2, keyId, "rsa_pad", "p_q_inner_data_dc"),
          new ClusterEvent.Rpc(2, keyId, client.session.sessionId(), 198, "help.getConfig",
              null, null));
      assertThat(key.authKey()).hasSize(256);
      assertThat(cluster.keyExchanges(2)).isEqualTo(1);
      assertThat(cluster.keysHeld(2)).isEqualTo(1);
    }
  }

  static Stream<Arguments> keyExchangeVariants() {
    return Stream.of(
        Arguments.of(new KeyExchangeOptions(0, true), "rsa_pad", "p_q_inner_data"),
        Arguments.of(new KeyExchangeOptions(0, false), "sha1", "p_q_inner_data"),
        Arguments.of(new KeyExchangeOptions(2, true), "rsa_pad", "p_q_inner_data_dc"),
        Arguments.of(new KeyExchangeOptions(2, false), "sha1", "p_q_inner_data_dc"),
        Arguments.of(new KeyExchangeOptions(-2, true), "rsa_pad", "p_q_inner_data_dc"),
        Arguments.of(new KeyExchangeOptions(10002, true), "rsa_pad", "p_q_inner_data_dc"),
        Arguments.of(new KeyExchangeOptions(2, true).withLegacyReqPq(), "rsa_pad",
            "p_q_inner_data_dc"),
        Arguments.of(KeyExchangeOptions.temporary(2, 3600), "rsa_pad",
            "p_q_inner_data_temp_dc"),
        Arguments.of(new KeyExchangeOptions(0, false, false, 3600), "sha1",
            "p_q_inner_data_temp"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("keyExchangeVariants")
  void everyPaddingAndInnerDataVariantMakesAKeyAndIsLogged(KeyExchangeOptions options,
      String padding, String inner) throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(2), TransportKind.ABRIDGED, false)) {
      client.exchangeKey(cluster.publicKey(), options);
      assertThat(cluster.events()).containsExactly(new ClusterEvent.KeyExchange(2,
          client.session.authKeyId(), padding, inner));
      TestClient.Outcome nearest = client.call(Queries.wrapped(198,
          TlObject.of("help.getNearestDc")));
      if (options.expiresIn() == 0) {
        assertThat(nearest.ok().intValue("this_dc")).isEqualTo(2);
      } else {
        assertThat(nearest.error().message()).isEqualTo("AUTH_KEY_PERM_EMPTY");
      }
    }
  }

  @Test
  void temporaryKeyNotBoundGetsAuthKeyPermEmpty() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
        false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.temporary(1, 3600));
      assertThat(client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).error())
          .satisfies(e -> assertThat(e.code()).isEqualTo(401))
          .satisfies(e -> assertThat(e.message()).isEqualTo("AUTH_KEY_PERM_EMPTY"));
      assertThat(cluster.keysHeld(1)).isEqualTo(1);
    }
  }

  @Test
  void dcFieldNamingAnotherDcGetsMinus444() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(2), TransportKind.INTERMEDIATE,
        true)) {
      assertThatThrownBy(() -> client.exchangeKey(cluster.publicKey(),
          KeyExchangeOptions.current(1)))
          .isInstanceOf(TransportException.class)
          .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-444);
      assertThat(cluster.keyExchanges(2)).isZero();
    }
  }

  @Test
  void secondKeyExchangeOnTheSameConnectionIsItsOwnEvent() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, true)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      long first = client.session.authKeyId();
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      long second = client.session.authKeyId();
      assertThat(second).isNotEqualTo(first);
      assertThat(cluster.keyExchanges(1)).isEqualTo(2);
      assertThat(cluster.events()).extracting(e -> ((ClusterEvent.KeyExchange) e).authKeyId())
          .containsExactly(first, second);
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
    }
  }

  @Test
  void knownKeyOnANewConnectionNeedsNoExchangeAndLearnsTheSaltFromBadServerSalt()
      throws IOException {
    AuthKeyResult key;
    try (TestClient first = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
        false)) {
      key = first.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      first.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
    }
    try (TestClient second = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, true)) {
      second.useKey(key.authKey(), 0, key.timeOffset());
      second.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(second.seen).anySatisfy(a -> assertThat(a)
          .isInstanceOfSatisfying(ClientAction.Resend.class, r -> assertThat(r.reason())
              .isEqualTo(ClientAction.Reason.BAD_SERVER_SALT)));
      assertThat(second.seen).hasAtLeastOneElementOfType(ClientAction.SessionCreated.class);
    }
    assertThat(cluster.keyExchanges(1)).isEqualTo(1);
  }

  @Test
  void forgottenKeyGetsMinus404() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(2), TransportKind.FULL, false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(2));
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      assertThat(cluster.forgetKey(2, client.session.authKeyId())).isTrue();
      assertThatThrownBy(() -> client.call(TlObject.of("help.getNearestDc")))
          .isInstanceOf(TransportException.class)
          .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-404);
      assertThat(cluster.keysHeld(2)).isZero();
    }
  }

  @Test
  void initConnectionIsRequiredOncePerConnectionAndSurvivesANewSession() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
        false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      assertThat(client.call(TlObject.of("help.getNearestDc")).error().message())
          .isEqualTo("CONNECTION_NOT_INITED");
      client.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      client.session.startNewSession();
      client.call(TlObject.of("help.getNearestDc")).ok();
      AuthKeyResult key = new AuthKeyResult(client.authKey, 0, 0);
      try (TestClient other = TestClient.connect(cluster.dc(1), TransportKind.INTERMEDIATE,
          false)) {
        other.useKey(key.authKey(), 0, 0);
        assertThat(other.call(TlObject.of("help.getNearestDc")).error().message())
            .isEqualTo("CONNECTION_NOT_INITED");
      }
    }
  }

  @Test
  void eachConnectionIsAnsweredInTheLayerItAnnounced() throws IOException {
    for (int layer : List.of(158, 198, 227)) {
      try (TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED,
          false)) {
        client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
        client.rawCall(TlCodec.forLayer(layer).encode(Queries.wrapped(layer,
            Queries.importBot())));
        byte[] users = client.rawCall(Queries.getUsersSelf(layer));
        assertThat(Queries.firstUserConstructor(users))
            .isEqualTo(Queries.USER_IDS.get(layer));
        assertThat(cluster.events()).last()
            .isEqualTo(new ClusterEvent.Rpc(1, client.session.authKeyId(),
                client.session.sessionId(), layer, "users.getUsers", TestServices.BOT_ID,
                null));
      }
    }
  }

  @Test
  void layerBelowEveryShippedOneIsRefused() throws IOException {
    try (TestClient client = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      assertThat(client.call(Queries.wrapped(100, TlObject.of("help.getNearestDc"))).error()
          .message()).isEqualTo("CONNECTION_LAYER_INVALID");
    }
  }

  @Test
  void pushedUpdatesReachEveryLiveSessionOfTheUserButNotWithoutUpdates() throws IOException {
    try (TestClient a = loggedIn(TransportKind.ABRIDGED, false);
        TestClient b = loggedIn(TransportKind.INTERMEDIATE, true);
        TestClient quiet = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
      quiet.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      quiet.call(Queries.wrapped(198, TlObject.of("invokeWithoutUpdates", "query",
          Queries.importBot()))).ok();
      services.get().pushTo(TestServices.BOT_ID);
      a.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      b.call(Queries.wrapped(198, TlObject.of("help.getNearestDc"))).ok();
      quiet.call(TlObject.of("help.getNearestDc")).ok();
      assertThat(a.pushed).singleElement()
          .satisfies(u -> assertThat(a.codec.decode(u).name()).isEqualTo("updateShort"));
      assertThat(b.pushed).hasSize(1);
      assertThat(quiet.pushed).isEmpty();
    }
  }

  private TestClient loggedIn(TransportKind kind, boolean obfuscated) {
    TestClient client = TestClient.connect(cluster.dc(1), kind, obfuscated);
    try {
      client.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
      client.call(Queries.wrapped(198, Queries.importBot())).ok();
      return client;
    } catch (RuntimeException e) {
      try {
        client.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  static void rethrow(IOException e) {
    throw new UncheckedIOException(e);
  }
}
