package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiFaultsTest {
  static final String TOKEN = "777:tokenSecret";
  static final long KEY = 0x77L;

  final Cluster cluster = new Cluster();

  @BeforeEach
  void botLoggedIn() {
    cluster.services.addBot(BotSpec.ofToken(TOKEN));
    cluster.loginBot(1, KEY, TOKEN);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void floodWaitAnswersTheArmedNumberOfCallsThenLetsThrough() {
    cluster.services.faults().floodWait("users.getUsers", 7, 2);

    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("420 FLOOD_WAIT_7");
    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("420 FLOOD_WAIT_7");
    cluster.result(1, KEY, Queries.getUsers(Queries.self()));
    cluster.result(1, KEY, TlObject.of("help.getConfig"));
  }

  @Test
  void keyRevokedAsUnregisteredMustLogInAgain() {
    cluster.services.faults().revokeKey(KEY, ApiFaults.Revocation.AUTH_KEY_UNREGISTERED);

    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
    cluster.loginBot(1, KEY, TOKEN);
    cluster.result(1, KEY, Queries.getUsers(Queries.self()));
    assertThat(cluster.services.userOf(KEY)).hasValue(777L);
  }

  @Test
  void keyRevokedAsSessionRevokedAnswersSoUntilANewLogin() {
    cluster.services.faults().revokeUser(777L, ApiFaults.Revocation.SESSION_REVOKED);

    assertThat(cluster.error(1, KEY, Queries.getUsers(Queries.self())))
        .isEqualTo("401 SESSION_REVOKED");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
    cluster.result(1, KEY, TlObject.of("help.getConfig"));
    cluster.loginBot(1, KEY, TOKEN);
    assertThat(cluster.services.userOf(KEY)).hasValue(777L);
  }

  @Test
  void onlyALoggedInKeyCanHaveItsSessionRevoked() {
    assertThatThrownBy(() -> cluster.services.faults()
        .revokeKey(0x99L, ApiFaults.Revocation.SESSION_REVOKED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not logged in");
  }
}
