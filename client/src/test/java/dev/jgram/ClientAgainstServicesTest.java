package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.api.User;
import dev.jgram.net.FloodWaitException;
import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import dev.jgram.testdc.services.ApiFaults;
import dev.jgram.testdc.services.BotSpec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16's proof against testdc's API services (carried by loopback DCs): first start,
 * second start from the same storage, an exported string, migration, flood waits, dead keys.
 */
class ClientAgainstServicesTest {
  static final String TOKEN = "5000001:AAH-services_secret";
  static final long BOT = 5000001L;

  @TempDir
  Path dir;
  LoopbackServices cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2, 1, 3);
    cluster.services.addBot(BotSpec.ofToken(TOKEN).withUsername("services_test_bot"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  /** Makes a client builder for an engine. */
  interface First {
    Client.Builder of(LoopbackServices cluster, Path dir);
  }

  /** Reopens what the first client of an engine stored. */
  interface Again {
    Client.Builder of(LoopbackServices cluster, Path dir, Client old);
  }

  /** An engine and how a second client reopens what the first stored. */
  record Engine(String name, First first, Again again) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> engines() {
    return Stream.of(
        Arguments.of(new Engine("file",
            (c, d) -> ServicesClients.client(c, "bot").workdir(d),
            (c, d, old) -> ServicesClients.client(c, "bot").workdir(d))),
        Arguments.of(new Engine("memory",
            (c, d) -> ServicesClients.client(c, "mem").inMemory(true),
            (c, d, old) -> ServicesClients.client(c, old.exportSessionString()))),
        Arguments.of(new Engine("string",
            (c, d) -> ServicesClients.client(c, "s").sessionString(""),
            (c, d, old) -> ServicesClients.client(c, "s")
                .sessionString(old.exportSessionString()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void firstStartThenSecondStartWithoutKeyExchangeOrLogin(Engine engine) {
    Client.Builder again;
    try (Client app = engine.first().of(cluster, dir).build()) {
      User me = app.loginBot(TOKEN);
      assertThat(me.id()).isEqualTo(BOT);
      assertThat(me.bot()).isTrue();
      assertThat(app.getMe().usernames()).containsExactly("services_test_bot");
      assertThat(app.keyExchanges()).isEqualTo(1);
      Session s = app.storage().session();
      assertThat(s.dcId()).isEqualTo(2);
      assertThat(s.apiId()).isEqualTo(611335L);
      assertThat(s.testMode()).isFalse();
      assertThat(s.authKey()).isNotNull();
      assertThat(s.userId()).isEqualTo(BOT);
      assertThat(s.isBot()).isTrue();
      again = engine.again().of(cluster, dir, app);
    }
    assertThat(cluster.logins).hasSize(1);
    try (Client second = again.build()) {
      assertThat(second.getMe().id()).isEqualTo(BOT);
      assertThat(second.loginBot(TOKEN).id()).isEqualTo(BOT);
      assertThat(second.keyExchanges()).isZero();
    }
    assertThat(cluster.keyExchanges()).isEqualTo(1);
    assertThat(cluster.logins).hasSize(1);
    assertThat(cluster.count("auth.importBotAuthorization")).isEqualTo(1);
    assertThat(cluster.dc(2).sessionIds).hasSize(2);
    assertThat(cluster.dc(2).badSalts).hasValue(1);
  }

  @Test
  void theFileHoldsThePyrogramRowAfterLogin() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
    }
    try (Storage s = Storage.file(dir.resolve("bot.session"))) {
      s.open();
      Session row = s.session();
      assertThat(row.dcId()).isEqualTo(2);
      assertThat(row.apiId()).isEqualTo(611335L);
      assertThat(row.testMode()).isFalse();
      assertThat(row.userId()).isEqualTo(BOT);
      assertThat(row.isBot()).isTrue();
      assertThat(row.date()).isPositive();
      assertThat(row.authKey().bytes()).hasSize(256);
    }
  }

  @Test
  void aTelethonStringMintedAgainstTheClusterWorksWithoutKeyExchange() {
    String telethon;
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      PortableSession p = SessionFormats.read(app.storage())
          .withAddress("127.0.0.1", cluster.dc(2).address().port());
      telethon = SessionFormats.encode(p, SessionFormat.TELETHON_STRING);
    }
    try (Client fromTelethon = Client.builder(telethon).apiId(611335).build()) {
      assertThat(fromTelethon.getMe().id()).isEqualTo(BOT);
      assertThat(fromTelethon.keyExchanges()).isZero();
    }
    assertThat(cluster.keyExchanges()).isEqualTo(1);
  }

  @Test
  void userMigrateMovesTheBotToItsHomeDcAndStoresIt() {
    cluster.services.addBot(BotSpec.ofToken("5000002:AAH-other").withHomeDc(3));
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      assertThat(app.loginBot("5000002:AAH-other").id()).isEqualTo(5000002L);
      assertThat(app.storage().session().dcId()).isEqualTo(3);
      assertThat(app.keyExchanges()).isEqualTo(2);
    }
    try (Client again = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      assertThat(again.getMe().id()).isEqualTo(5000002L);
      assertThat(again.keyExchanges()).isZero();
    }
    assertThat(cluster.dc(3).keyExchanges).hasValue(1);
    assertThat(cluster.logins).hasSize(1);
  }

  @Test
  void aFloodWaitUnderTheThresholdIsWaitedOut() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      cluster.services.faults().floodWait("users.getUsers", 1, 1);
      assertThat(app.getMe().id()).isEqualTo(BOT);
    }
    assertThat(cluster.count("users.getUsers")).isEqualTo(2);
  }

  @Test
  void aFloodWaitOverTheThresholdIsATypedExceptionWithItsSeconds() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      cluster.services.faults().floodWait("users.getUsers", 30, 1);
      assertThatThrownBy(app::getMe).isInstanceOf(FloodWaitException.class)
          .satisfies(e -> assertThat(((FloodWaitException) e).seconds()).isEqualTo(30));
      assertThat(app.getMe().id()).isEqualTo(BOT);
    }
  }

  @Test
  void aRevokedSessionIsMarkedDeadOnceAndNeverRetried() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      long keyId = app.storage().session().authKey().id();
      cluster.services.faults().revokeKey(keyId, ApiFaults.Revocation.SESSION_REVOKED);
      assertThatThrownBy(app::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("SESSION_REVOKED");
      assertThatThrownBy(app::getMe).isInstanceOf(LoginRequiredException.class);
      assertThat(app.storage().keyRevocation()).isPresent();
    }
    assertThat(cluster.count("users.getUsers")).isEqualTo(1);
  }

  @Test
  void aLoggedOutKeyIsMarkedDead() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      cluster.services.faults().revokeKey(app.storage().session().authKey().id(),
          ApiFaults.Revocation.AUTH_KEY_UNREGISTERED);
      assertThatThrownBy(app::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("AUTH_KEY_UNREGISTERED");
    }
  }

  @Test
  void aKeyTheServerForgotIsMarkedDead() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
    }
    cluster.dc(2).keys.clear();
    try (Client again = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      assertThatThrownBy(again::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("-404");
      assertThat(again.storage().keyRevocation()).isPresent();
    }
  }

  @Test
  void aMigrationToADcNotGivenFindsItInHelpGetConfig() {
    cluster.services.addBot(BotSpec.ofToken("5000004:AAH-far").withHomeDc(3));
    Client.Builder onlyDc2 = Client.builder("far").workdir(dir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(dev.jgram.net.LoopbackDc.KEY.publicKey().toPem())
        .dc(2, "127.0.0.1", cluster.dc(2).address().port());
    try (Client app = onlyDc2.build()) {
      assertThat(app.loginBot("5000004:AAH-far").id()).isEqualTo(5000004L);
      assertThat(app.storage().session().dcId()).isEqualTo(3);
    }
    assertThat(cluster.count("help.getConfig")).isEqualTo(1);
    assertThat(cluster.dc(3).keyExchanges).hasValue(1);
  }

  @Test
  void anUncachedUsernameIsResolvedOnlineOnceTheClientIsOnline() {
    long other = cluster.services.addBot(
        BotSpec.ofToken("5000009:AAH-second").withUsername("second_test_bot"));
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      assertThatThrownBy(() -> app.resolvePeer("@second_test_bot"))
          .isInstanceOf(dev.jgram.storage.PeerNotFoundException.class);
      assertThat(cluster.count("contacts.resolveUsername")).isZero();
      app.loginBot(TOKEN);

      assertThat(app.resolvePeer("@Second_Test_Bot")).isEqualTo(new dev.jgram.storage.InputPeer
          .User(other, cluster.services.userAccessHash(BOT, other)));
      assertThatThrownBy(() -> app.resolvePeer("@nobody_here_bot"))
          .isInstanceOf(dev.jgram.storage.PeerNotFoundException.class);
      assertThat(app.resolvePeer("@second_test_bot")).isEqualTo(
          app.storage().peerByUsername("second_test_bot"));
    }
    assertThat(cluster.count("contacts.resolveUsername")).isEqualTo(2);
  }

  @Test
  void everyAnswerFeedsThePeerCache() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      assertThat(app.storage().peerCount()).isEqualTo(1);
      assertThat(app.resolvePeer("@services_test_bot")).isEqualTo(new dev.jgram.storage
          .InputPeer.User(BOT, app.storage().peer(BOT).orElseThrow().accessHash()));
      assertThat(app.storage().peer(BOT).orElseThrow().type())
          .isEqualTo(dev.jgram.storage.PeerType.BOT);
    }
    assertThat(cluster.count("contacts.resolveUsername")).isZero();
  }

  @Test
  void theFloodSleepThresholdIsTheClientsToSet() {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).floodSleepThreshold(0)
        .build()) {
      app.loginBot(TOKEN);
      cluster.services.faults().floodWait("users.getUsers", 1, 1);
      assertThatThrownBy(app::getMe).isInstanceOf(FloodWaitException.class)
          .satisfies(e -> assertThat(((FloodWaitException) e).seconds()).isEqualTo(1));
    }
  }
}
