package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core with the real API services: logins, migration, pushes, restarts. */
class ServicesEndToEndTest {
  private static final String TOKEN = "123456:AAH-secret";

  @TempDir
  Path dir;

  private static TestCluster.Builder cluster() {
    return TestCluster.builder().dcs(1, 2, 3).rsaKey(Clusters.KEY)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(),
            setup.stateDir(), setup.updates(), setup.logins()));
  }

  @Test
  void botLogsInOnItsHomeDcAfterUserMigrateAndGetsItselfFromGetMe() throws Exception {
    try (TestCluster cluster = cluster().start()) {
      ((Services) cluster.services()).addBot(BotSpec.parse(TOKEN + "@2"));
      try (TestClient first = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false)) {
        first.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
        assertThat(first.call(Queries.wrapped(198, importBot())).error().message())
            .isEqualTo("USER_MIGRATE_2");
      }
      try (TestClient home = TestClient.connect(cluster.dc(2), TransportKind.INTERMEDIATE,
          true)) {
        home.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(2));
        assertThat(home.call(Queries.wrapped(198, TlObject.of("updates.getState"))).error()
            .message()).isEqualTo("AUTH_KEY_UNREGISTERED");
        TlObject authorization = home.call(importBot()).ok();
        assertThat(authorization.object("user").longValue("id")).isEqualTo(123456L);
        byte[] me = home.rawCall(Queries.getUsersSelf(198));
        assertThat(Queries.firstUserConstructor(me)).isEqualTo(Queries.USER_IDS.get(198));
        long keyId = home.session.authKeyId();
        cluster.awaitEvent(e -> e.equals(new ClusterEvent.Login(2, keyId, 123456L, true)),
            java.time.Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void messageFromAUserIsPushedToTheBotsLiveSession() throws Exception {
    try (TestCluster cluster = cluster().start()) {
      Services services = (Services) cluster.services();
      services.addBot(BotSpec.parse(TOKEN + "@1"));
      long user = services.addUser(UserSpec.parse("+15550001234@1"));
      try (TestClient bot = TestClient.connect(cluster.dc(1), TransportKind.ABRIDGED, false,
          TlCodec.forLayer(227), java.time.Clock.systemUTC())) {
        bot.exchangeKey(cluster.publicKey(), KeyExchangeOptions.current(1));
        bot.rawCall(TlCodec.forLayer(227).encode(Queries.wrapped(227, importBot())));
        services.sendMessage(user, 123456L, "/start");
        bot.rawCall(TlCodec.forLayer(227).encode(TlObject.of("help.getNearestDc")));
        assertThat(bot.pushed).singleElement()
            .satisfies(u -> assertThat(bot.codec.decode(u).name())
                .isEqualTo("updateShortMessage"));
      }
    }
  }

  @Test
  void clientReconnectsFromItsStoredKeyAfterAClusterRestartWithoutLoggingInAgain()
      throws Exception {
    AuthKeyResult key;
    try (TestCluster before = cluster().stateDir(dir).start()) {
      ((Services) before.services()).addBot(BotSpec.parse(TOKEN + "@1"));
      try (TestClient client = TestClient.connect(before.dc(1), TransportKind.FULL, false)) {
        key = client.exchangeKey(before.publicKey(), KeyExchangeOptions.current(1));
        client.call(Queries.wrapped(198, importBot())).ok();
      }
    }
    try (TestCluster after = cluster().stateDir(dir).start();
        TestClient client = TestClient.connect(after.dc(1), TransportKind.FULL, false)) {
      client.useKey(key.authKey(), 0, key.timeOffset());
      byte[] me = client.rawCall(TlCodec.forLayer(198).encode(Queries.wrapped(198,
          TlObject.of("users.getUsers", "id", List.of(TlObject.of("inputUserSelf"))))));
      assertThat(Queries.firstUserConstructor(me)).isEqualTo(Queries.USER_IDS.get(198));
      assertThat(after.keyExchanges(1)).isZero();
      assertThat(after.events()).noneMatch(e -> e instanceof ClusterEvent.Login);
    }
  }

  private static TlObject importBot() {
    return TlObject.of("auth.importBotAuthorization", "flags", 0, "api_id", 12345,
        "api_hash", "0123456789abcdef0123456789abcdef", "bot_auth_token", TOKEN);
  }
}
