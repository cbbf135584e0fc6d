package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.VectorResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BotLoginTest {
  static final String TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final long KEY = 0x1111_2222_3333_4444L;

  final Cluster cluster = new Cluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void configListsEveryDcWithItsRealAddressAndThisDc() {
    TlObject config = cluster.result(2, KEY, TlObject.of("help.getConfig"));

    assertThat(config.name()).isEqualTo("config");
    assertThat(config.intValue("this_dc")).isEqualTo(2);
    assertThat(config.intValue("date")).isEqualTo((int) Cluster.START.getEpochSecond());
    assertThat(config.<TlObject>list("dc_options")).extracting(
            o -> o.intValue("id") + "=" + o.string("ip_address") + ":" + o.intValue("port"))
        .containsExactly("1=127.0.0.1:20001", "2=127.0.0.1:20002", "3=127.0.0.1:20003");
    assertThat(config.<TlObject>list("dc_options")).allSatisfy(o ->
        assertThat(o.fields().keySet()).containsExactlyInAnyOrder("id", "ip_address", "port"));
  }

  @Test
  void nearestDcIsTheAnsweringDc() {
    TlObject nearest = cluster.result(3, KEY, TlObject.of("help.getNearestDc"));

    assertThat(nearest.intValue("this_dc")).isEqualTo(3);
    assertThat(nearest.intValue("nearest_dc")).isEqualTo(3);
  }

  @Test
  void probesBeforeLoginAnswerAuthKeyUnregistered() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));

    assertThat(cluster.error(1, KEY, TlObject.of("updates.getState")))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
  }

  @Test
  void botLogsInWithItsTokenAndGetsItselfFromGetUsers() {
    long id = cluster.services.addBot(BotSpec.ofToken(TOKEN));

    TlObject authorization = cluster.loginBot(1, KEY, TOKEN);
    TlObject user = authorization.object("user");
    assertThat(authorization.name()).isEqualTo("auth.authorization");
    assertThat(user.longValue("id")).isEqualTo(123456L).isEqualTo(id);
    assertThat(user.flag("self")).isTrue();
    assertThat(user.flag("bot")).isTrue();
    assertThat(user.string("first_name")).isEqualTo("Test bot 123456");
    assertThat(user.string("username")).isEqualTo("bot123456_bot");
    assertThat(cluster.services.userOf(KEY)).hasValue(123456L);
    assertThat(cluster.logins).containsExactly(new LoginEvent(1, KEY, 123456L, true));

    TlObject users = cluster.result(1, KEY, Queries.getUsers(Queries.self()));
    assertThat(VectorResult.items(users)).singleElement().satisfies(u -> {
      assertThat(((TlObject) u).longValue("id")).isEqualTo(123456L);
      assertThat(((TlObject) u).longValue("access_hash"))
          .isEqualTo(user.longValue("access_hash"));
    });
  }

  @Test
  void fullUserOfSelfCarriesTheUserInItsUsers() {
    cluster.services.addBot(BotSpec.parse(TOKEN + "@1=my_test_bot"));
    cluster.loginBot(1, KEY, TOKEN);

    TlObject full = cluster.result(1, KEY, Queries.getFullUser(Queries.self()));

    assertThat(full.name()).isEqualTo("users.userFull");
    assertThat(full.object("full_user").longValue("id")).isEqualTo(123456L);
    assertThat(full.<TlObject>list("users")).singleElement()
        .satisfies(u -> assertThat(u.string("username")).isEqualTo("my_test_bot"));
  }

  @Test
  void botOnAnotherDcIsToldToMigrateToItsHome() {
    cluster.services.addBot(BotSpec.parse(TOKEN + "@3"));

    assertThat(cluster.error(2, KEY, Queries.importBot(TOKEN))).isEqualTo("303 USER_MIGRATE_3");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
    cluster.loginBot(3, KEY, TOKEN);
    assertThat(cluster.error(2, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("303 USER_MIGRATE_3");
  }

  @Test
  void movedAccountsKeysAreToldToMigrate() {
    long id = cluster.services.addBot(BotSpec.ofToken(TOKEN));
    cluster.loginBot(1, KEY, TOKEN);

    cluster.services.moveAccount(id, 2);

    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("303 USER_MIGRATE_2");
  }

  @Test
  void wrongOrMalformedTokensAreAccessTokenInvalid() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));

    for (String token : List.of("123456:wrongsecret", "999:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "not a token", "", ":abc", "123456:")) {
      assertThat(cluster.error(1, KEY, Queries.importBot(token))).as(token)
          .isEqualTo("400 ACCESS_TOKEN_INVALID");
    }
    assertThat(cluster.logins).isEmpty();
  }

  @Test
  void apiIdZeroIsApiIdInvalid() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));

    TlObject query = TlObject.of("auth.importBotAuthorization", "flags", 0, "api_id", 0,
        "api_hash", "x", "bot_auth_token", TOKEN);
    assertThat(cluster.error(1, KEY, query)).isEqualTo("400 API_ID_INVALID");
  }

  @Test
  void logOutUnbindsTheKey() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));
    cluster.loginBot(1, KEY, TOKEN);

    TlObject loggedOut = cluster.result(1, KEY, TlObject.of("auth.logOut"));

    assertThat(loggedOut.name()).isEqualTo("auth.loggedOut");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    assertThat(cluster.error(1, KEY, TlObject.of("auth.logOut")))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
  }

  @Test
  void temporaryKeyActsForItsBoundPermanentKey() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));
    cluster.loginBot(1, KEY, TOKEN);

    var answer = cluster.services.handle(new dev.jgram.testdc.api.CallContext(1, 0x7777L, 1L,
        1L, 198, 1, true, KEY), Queries.getUsers(Queries.self()));

    assertThat(answer).isInstanceOf(dev.jgram.testdc.api.Answer.Result.class);
  }

  @Test
  void unimplementedMethodsAnswerAnErrorNamingThem() {
    assertThat(cluster.callRaw(1, KEY, TlObject.of("messages.getDialogs")))
        .isEqualTo(Answer.error(400, "INPUT_METHOD_INVALID_MESSAGES_GET_DIALOGS"));
    assertThat(cluster.callRaw(1, KEY, TlObject.of("help.getCdnConfig")))
        .isEqualTo(Answer.error(400, "INPUT_METHOD_INVALID_HELP_GET_CDN_CONFIG"));
  }

  @Test
  void malformedQueryOfAKnownMethodAnswersInputFetchError() {
    assertThat(cluster.callRaw(1, KEY, TlObject.of("auth.importBotAuthorization")))
        .isEqualTo(Answer.error(400, "INPUT_FETCH_ERROR"));
  }
}
