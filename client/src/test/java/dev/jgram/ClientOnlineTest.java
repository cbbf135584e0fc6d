package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.api.User;
import dev.jgram.net.FloodWaitException;
import dev.jgram.net.LoopbackDc.Answer;
import dev.jgram.net.RpcException;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client against loopback DCs: bot login, getMe, reconnecting from stored sessions. */
class ClientOnlineTest {
  @TempDir
  Path dir;
  BotServer server;

  @BeforeEach
  void start() throws Exception {
    server = new BotServer(2, 1, 2, 3);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void firstStartMakesOneKeyLogsTheBotInAndStoresPyrogramsFields() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      User me = app.loginBot(BotServer.TOKEN);
      assertThat(me.id()).isEqualTo(BotServer.BOT_ID);
      assertThat(me.bot()).isTrue();
      assertThat(app.getMe().usernames()).containsExactly("loop_bot");
      assertThat(app.keyExchanges()).isEqualTo(1);
      Session s = app.storage().session();
      assertThat(s.dcId()).isEqualTo(2);
      assertThat(s.apiId()).isEqualTo(611335L);
      assertThat(s.testMode()).isFalse();
      assertThat(s.userId()).isEqualTo(BotServer.BOT_ID);
      assertThat(s.isBot()).isTrue();
      assertThat(s.authKey()).isNotNull();
    }
    assertThat(server.logins).hasValue(1);
    assertThat(server.keyExchanges()).isEqualTo(1);
  }

  @Test
  void theKeyIsStoredTheMomentItExistsEvenIfLoginFails() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      assertThatThrownBy(() -> app.loginBot("7000001:wrong"))
          .isInstanceOf(RpcException.class).hasMessageContaining("ACCESS_TOKEN_INVALID")
          .hasMessageNotContaining("wrong");
      assertThat(app.storage().session().authKey()).isNotNull();
      assertThat(app.storage().session().userId()).isNull();
    }
  }

  @Test
  void secondStartFromTheSameFileNeedsNoKeyExchangeAndNoLogin() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      app.loginBot(BotServer.TOKEN);
    }
    try (Client again = Client.builder("bot").workdir(dir)
        .serverKey(dev.jgram.net.LoopbackDc.KEY.publicKey().toPem())
        .dc(2, "127.0.0.1", server.dc(2).address().port()).build()) {
      assertThat(again.loginBot(BotServer.TOKEN).id()).isEqualTo(BotServer.BOT_ID);
      assertThat(again.getMe().firstName()).isEqualTo("Loop Bot");
      assertThat(again.keyExchanges()).isZero();
    }
    assertThat(server.logins).hasValue(1);
    assertThat(server.keyExchanges()).isEqualTo(1);
    assertThat(server.dc(2).sessionIds).hasSize(2);
  }

  @Test
  void anExportedSessionStringReconnectsWithoutKeyExchangeOrLogin() {
    String exported;
    try (Client app = server.client("bot").workdir(dir).build()) {
      app.loginBot(BotServer.TOKEN);
      exported = app.exportSessionString();
    }
    try (Client again = server.client(exported).build()) {
      assertThat(again.getMe().id()).isEqualTo(BotServer.BOT_ID);
      assertThat(again.keyExchanges()).isZero();
    }
    assertThat(server.logins).hasValue(1);
    assertThat(server.keyExchanges()).isEqualTo(1);
  }

  @Test
  void userMigrateMovesTheSessionToTheBotsHomeDcWithANewKeyThere() {
    server.botHome(3);
    try (Client app = server.client("bot").workdir(dir).build()) {
      assertThat(app.loginBot(BotServer.TOKEN).id()).isEqualTo(BotServer.BOT_ID);
      assertThat(app.storage().session().dcId()).isEqualTo(3);
      assertThat(app.keyExchanges()).isEqualTo(2);
    }
    assertThat(server.dc(2).keyExchanges).hasValue(1);
    assertThat(server.dc(3).keyExchanges).hasValue(1);
    try (Client again = server.client("bot").workdir(dir).build()) {
      assertThat(again.getMe().id()).isEqualTo(BotServer.BOT_ID);
      assertThat(again.keyExchanges()).isZero();
    }
  }

  @Test
  void aFloodWaitOverTheThresholdReachesTheCallerWithItsSeconds() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      app.loginBot(BotServer.TOKEN);
      server.override(Answer.error(420, "FLOOD_WAIT_120"));
      assertThatThrownBy(app::getMe).isInstanceOf(FloodWaitException.class)
          .satisfies(e -> assertThat(((FloodWaitException) e).seconds()).isEqualTo(120));
    }
  }

  @Test
  void aKeyTheServerForgotIsMarkedDeadAndTheUserToldToLogInAgain() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      app.loginBot(BotServer.TOKEN);
    }
    server.dc(2).keys.clear();
    try (Client again = server.client("bot").workdir(dir).build()) {
      assertThatThrownBy(again::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("log in again");
      assertThat(again.storage().keyRevocation()).isPresent();
      assertThatThrownBy(again::getMe).isInstanceOf(LoginRequiredException.class);
    }
    assertThat(server.dc(2).connections).hasValue(2);
  }

  @Test
  void anUnregisteredKeyAfterLoginIsMarkedDead() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      app.loginBot(BotServer.TOKEN);
      server.boundKeys.clear();
      assertThatThrownBy(app::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("AUTH_KEY_UNREGISTERED");
      assertThat(app.storage().keyRevocation()).hasValueSatisfying(
          r -> assertThat(r).contains("AUTH_KEY_UNREGISTERED"));
    }
  }

  @Test
  void aMemoryClientLogsInToo() {
    try (Client app = server.client("mem").inMemory(true).build()) {
      assertThat(app.loginBot(BotServer.TOKEN).bot()).isTrue();
      Storage s = app.storage();
      assertThat(s.session().userId()).isEqualTo(BotServer.BOT_ID);
    }
  }

  @Test
  void aMalformedTokenIsRefusedWithoutRepeatingIt() {
    try (Client app = server.client("bot").workdir(dir).build()) {
      assertThatThrownBy(() -> app.loginBot("not a token s3cret"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
    }
  }
}
