package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Session;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's phone migration, other DCs and log-out against testdc's services: the home DC
 * moves with {@code PHONE_MIGRATE_4} and the first DC's key is kept unauthorised; a media DC
 * gets its own key and an imported authorisation, both reused by the next start; log-out
 * deletes the session and the server refuses its key afterwards.
 */
class OtherDcsTest {
  static final String PHONE = "+15550004444";
  static final TlObject SELF = TlObject.of("users.getUsers", "id",
      List.of(TlObject.of("inputUserSelf")));

  @TempDir
  Path dir;
  LoopbackServices cluster;
  long user;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2, 4, 5);
    user = cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4).withPassword("pw"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  User login(Client app) {
    return app.loginUser(PHONE, r -> cluster.services.loginCode(PHONE).orElseThrow(),
        r -> "pw");
  }

  static long id(Object users) {
    return ((TlObject) ((List<?>) users).get(0)).longValue("id");
  }

  @Test
  void aUserWhoseHomeIsDc4LogsInThroughDc2AndDc4IsStoredAsHome() throws Exception {
    try (Client app = ServicesClients.client(cluster, "u").workdir(dir).build()) {
      assertThat(login(app).id()).isEqualTo(user);
      assertThat(app.keyExchanges()).isEqualTo(2);
      List<DcKey> others = app.storage().dcKeys();
      assertThat(others).hasSize(1);
      assertThat(others.get(0).dcId()).isEqualTo(2);
      assertThat(others.get(0).authorized()).isFalse();
      assertThat(others.get(0).authKey()).isNotEqualTo(app.storage().session().authKey());
    }
    assertThat(cluster.dc(2).keyExchanges).hasValue(1);
    assertThat(cluster.dc(4).keyExchanges).hasValue(1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("u.session"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT dc_id, api_id, test_mode, length(auth_key),"
            + " user_id, is_bot, (SELECT count(*) FROM sessions) FROM sessions")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(4);
      assertThat(rs.getLong(2)).isEqualTo(611335L);
      assertThat(rs.getInt(3)).isZero();
      assertThat(rs.getInt(4)).isEqualTo(256);
      assertThat(rs.getLong(5)).isEqualTo(user);
      assertThat(rs.getInt(6)).isZero();
      assertThat(rs.getInt(7)).isEqualTo(1);
    }
  }

  @Test
  void theSecondStartReusesTheHomeAndMediaKeysWithNoKeyExchangeAndNoExport() {
    try (Client app = ServicesClients.client(cluster, "u").workdir(dir).build()) {
      login(app);
      assertThat(id(app.invokeOn(5, SELF))).isEqualTo(user);
      assertThat(id(app.invokeOn(2, SELF))).isEqualTo(user);
      assertThat(app.exports()).isEqualTo(2);
      assertThat(app.keyExchanges()).isEqualTo(3); // DC 2's key from before the migration
      assertThat(app.storage().dcKeys()).extracting(DcKey::dcId, DcKey::authorized)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true),
              org.assertj.core.groups.Tuple.tuple(5, true));
    }
    try (Client again = ServicesClients.client(cluster, "u").workdir(dir).build()) {
      assertThat(again.getMe().id()).isEqualTo(user);
      assertThat(id(again.invokeOn(5, SELF))).isEqualTo(user);
      assertThat(id(again.invokeOn(2, SELF))).isEqualTo(user);
      assertThat(again.keyExchanges()).isZero();
      assertThat(again.exports()).isZero();
      assertThat(again.storage().session().dcId()).isEqualTo(4);
    }
    assertThat(cluster.count("auth.exportAuthorization")).isEqualTo(2);
    assertThat(cluster.count("auth.importAuthorization")).isEqualTo(2);
    assertThat(cluster.keyExchanges()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FILE_MIGRATE_5", "STATS_MIGRATE_5"})
  void aMigrateAnswerForAnotherDcSendsTheCallThereThroughAnExportedAuthorisation(String error) {
    try (Client app = ServicesClients.client(cluster, "u").inMemory(true).build()) {
      login(app);
      cluster.failOnce("users.getUsers", 4, 303, error);
      assertThat(app.getMe().id()).isEqualTo(user);
      assertThat(app.exports()).isEqualTo(1);
      assertThat(app.storage().session().dcId()).isEqualTo(4);
      assertThat(app.storage().dcKeys()).extracting(DcKey::dcId).containsExactly(2, 5);
      assertThat(app.invokeOn(4, SELF)).isNotNull();
      assertThat(app.exports()).isEqualTo(1);
    }
  }

  @Test
  void anAuthorisationTheDcForgotIsExportedAgainOnce() {
    try (Client app = ServicesClients.client(cluster, "u").inMemory(true).build()) {
      login(app);
      app.invokeOn(5, SELF);
      cluster.failOnce("users.getUsers", 5, 401, "AUTH_KEY_UNREGISTERED");
      assertThat(id(app.invokeOn(5, SELF))).isEqualTo(user);
      assertThat(app.exports()).isEqualTo(2);
      assertThat(app.storage().dcKeys()).filteredOn(k -> k.dcId() == 5)
          .singleElement().satisfies(k -> assertThat(k.authorized()).isTrue());
    }
  }

  @Test
  void logOutDeletesTheSessionFileAndTheServerRefusesTheOldKeys() {
    String string;
    Path file = dir.resolve("u.session");
    try (Client app = ServicesClients.client(cluster, "u").workdir(dir).build()) {
      login(app);
      app.invokeOn(5, SELF);
      string = app.exportSessionString();
      assertThat(file).exists();
      app.logOut();
      assertThat(cluster.count("auth.logOut")).isEqualTo(2); // home and DC 5
    }
    assertThat(file).doesNotExist();
    assertThat(Files.exists(dir.resolve("u.session-journal"))).isFalse();
    assertThat(cluster.services.userOf(keyIdOf(string))).isEmpty();
    try (Client old = ServicesClients.client(cluster, string).build()) {
      assertThatThrownBy(old::getMe).isInstanceOf(LoginRequiredException.class)
          .hasMessageContaining("AUTH_KEY_UNREGISTERED");
    }
  }

  @Test
  void logOutOfASessionThatNeverLoggedInStillRemovesIt() {
    Client app = ServicesClients.client(cluster, "never").workdir(dir).build();
    app.invoke(TlObject.of("help.getConfig"));
    assertThat(dir.resolve("never.session")).exists();
    app.logOut();
    assertThat(dir.resolve("never.session")).doesNotExist();
    app.close();
  }

  @Test
  void logOutOfAMemorySessionDropsIt() {
    Client app = ServicesClients.client(cluster, "m").inMemory(true).build();
    login(app);
    app.logOut();
    assertThatThrownBy(() -> app.storage().session()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(app::getMe).isInstanceOf(IllegalStateException.class);
    app.close();
  }

  private static long keyIdOf(String sessionString) {
    return open(dev.jgram.storage.Storage.fromSessionString(sessionString)).authKey().id();
  }

  private static Session open(dev.jgram.storage.Storage s) {
    s.open();
    try {
      return s.session();
    } finally {
      s.close();
    }
  }
}
