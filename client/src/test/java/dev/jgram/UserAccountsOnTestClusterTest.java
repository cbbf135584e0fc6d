package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.DcKey;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's proof against testdc's own cluster ({@link TestCluster}: its MTProto server, its
 * services): a user whose home is DC 4, with a password, logs in through DC 2; a media DC's
 * key and authorisation are reused by the next start; log-out makes the server refuse the key.
 */
class UserAccountsOnTestClusterTest {
  static final String PHONE = "+15550109999";
  static final String PASSWORD = "Zwei-Faktor ✓ 密码";
  static final TlObject SELF = TlObject.of("users.getUsers", "id",
      List.of(TlObject.of("inputUserSelf")));

  @TempDir
  Path dir;
  TestCluster cluster;
  Services services;
  long user;

  @BeforeEach
  void start() {
    cluster = TestCluster.builder().dcs(2, 4, 5)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(), null,
            setup.updates(), setup.logins())).start();
    services = (Services) cluster.services();
    user = services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4).withPassword(PASSWORD));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  Client.Builder client() {
    Client.Builder b = Client.builder("user").workdir(dir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(cluster.publicKeyPem());
    for (DcAddress d : cluster.dcs()) {
      b.dc(d.id(), d.host(), d.port());
    }
    return b;
  }

  @Test
  void theLoginMovesHomeToDc4AndTheNextStartReusesTheHomeAndMediaKeys() {
    try (Client app = client().build()) {
      assertThat(app.loginUser(PHONE, r -> services.loginCode(PHONE).orElseThrow(),
          r -> PASSWORD).id()).isEqualTo(user);
      assertThat(app.storage().session().dcId()).isEqualTo(4);
      app.invokeOn(5, SELF);
      assertThat(app.storage().dcKeys()).extracting(DcKey::dcId, DcKey::authorized)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false),
              org.assertj.core.groups.Tuple.tuple(5, true));
    }
    assertThat(List.of(cluster.keyExchanges(2), cluster.keyExchanges(4),
        cluster.keyExchanges(5))).containsExactly(1, 1, 1);
    try (Client again = client().build()) {
      assertThat(again.getMe().id()).isEqualTo(user);
      again.invokeOn(5, SELF);
      assertThat(again.keyExchanges()).isZero();
      assertThat(again.exports()).isZero();
    }
    assertThat(List.of(cluster.keyExchanges(2), cluster.keyExchanges(4),
        cluster.keyExchanges(5))).containsExactly(1, 1, 1);
  }

  @Test
  void afterLogOutTheFileIsGoneAndTheServerRefusesTheOldKey() {
    String string;
    try (Client app = client().build()) {
      app.loginUser(PHONE, r -> services.loginCode(PHONE).orElseThrow(), r -> PASSWORD);
      string = app.exportSessionString();
      app.logOut();
    }
    assertThat(dir.resolve("user.session")).doesNotExist();
    try (Client old = Client.builder(string).serverKey(cluster.publicKeyPem())
        .dc(4, cluster.dc(4).host(), cluster.dc(4).port()).build()) {
      assertThatThrownBy(old::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("AUTH_KEY_UNREGISTERED");
    }
  }
}
