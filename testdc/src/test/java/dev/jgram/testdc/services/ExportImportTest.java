package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.LoginEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportImportTest {
  static final String TOKEN = "42:secretSECRET_secret-42";
  static final long HOME_KEY = 0xAAAAL;
  static final long OTHER_KEY = 0xBBBBL;

  final Cluster cluster = new Cluster();

  @BeforeEach
  void loginBotOnItsHome() {
    cluster.services.addBot(BotSpec.parse(TOKEN + "@2"));
    cluster.loginBot(2, HOME_KEY, TOKEN);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private TlObject export(int dc) {
    return cluster.result(2, HOME_KEY, TlObject.of("auth.exportAuthorization", "dc_id", dc));
  }

  private static TlObject importOf(TlObject exported) {
    return TlObject.of("auth.importAuthorization", "id", exported.longValue("id"),
        "bytes", exported.get("bytes"));
  }

  @Test
  void exportedAuthorizationLogsInAKeyOnTheTargetDcOnce() {
    TlObject exported = export(3);
    assertThat(exported.name()).isEqualTo("auth.exportedAuthorization");
    assertThat(exported.longValue("id")).isEqualTo(42L);

    TlObject authorization = cluster.result(3, OTHER_KEY, importOf(exported));

    assertThat(authorization.object("user").longValue("id")).isEqualTo(42L);
    assertThat(cluster.services.userOf(OTHER_KEY)).hasValue(42L);
    assertThat(cluster.logins).endsWith(new LoginEvent(3, OTHER_KEY, 42L, true));
    assertThat(cluster.result(3, OTHER_KEY, Queries.getUsers(Queries.self()))).isNotNull();
    assertThat(cluster.error(3, OTHER_KEY + 1, importOf(exported)))
        .isEqualTo("400 AUTH_BYTES_INVALID");
  }

  @Test
  void importOnAnotherDcThanTheTargetIsRefused() {
    TlObject exported = export(3);

    assertThat(cluster.error(1, OTHER_KEY, importOf(exported)))
        .isEqualTo("400 AUTH_BYTES_INVALID");
  }

  @Test
  void importWithTheWrongIdOrBytesOrTooLateIsRefused() {
    TlObject exported = export(3);
    TlObject wrongId = TlObject.of("auth.importAuthorization", "id", 43L,
        "bytes", exported.get("bytes"));
    assertThat(cluster.error(3, OTHER_KEY, wrongId)).isEqualTo("400 AUTH_BYTES_INVALID");

    TlObject late = export(3);
    cluster.clock.advance(Duration.ofSeconds(Exports.LIFETIME_SECONDS + 1));
    assertThat(cluster.error(3, OTHER_KEY, importOf(late))).isEqualTo("400 AUTH_BYTES_INVALID");
    assertThat(cluster.services.userOf(OTHER_KEY)).isEmpty();
  }

  @Test
  void exportToTheSameOrAnUnknownDcIsDcIdInvalid() {
    for (int dc : new int[] {2, 9, 0}) {
      assertThat(cluster.error(2, HOME_KEY, TlObject.of("auth.exportAuthorization", "dc_id", dc)))
          .isEqualTo("400 DC_ID_INVALID");
    }
  }

  @Test
  void exportNeedsALogin() {
    assertThat(cluster.error(2, OTHER_KEY, TlObject.of("auth.exportAuthorization", "dc_id", 3)))
        .isEqualTo("401 AUTH_KEY_UNREGISTERED");
  }
}
