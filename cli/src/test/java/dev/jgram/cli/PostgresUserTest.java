package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.Client;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Session;
import dev.jgram.storage.postgres.PostgresStorage;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user on the PostgreSQL engine: the phone migration's home DC and the other DCs' keys are
 * rows, reused by a second client with no key exchange and no export; log-out removes the rows.
 */
class PostgresUserTest {
  static final String PHONE = "+15550007777";
  static final TlObject SELF = TlObject.of("users.getUsers", "id",
      List.of(TlObject.of("inputUserSelf")));

  @TempDir
  Path dir;

  static Client.Builder client(LoopbackServices cluster, String name) {
    Client.Builder b = Client.builder(name)
        .storage(PostgresStorage.create(Pg.dataSource(), name)).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem());
    cluster.dcs.values().forEach(d -> b.dc(d.id, "127.0.0.1", d.address().port()));
    return b;
  }

  @Test
  void aUserSessionInPostgresKeepsItsOtherDcsAndLogOutRemovesTheRows() throws Exception {
    String name = Pg.freshName("user");
    try (LoopbackServices cluster = new LoopbackServices(dir.resolve("state"), 2, 4, 5)) {
      long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4)
          .withPassword("pw"));
      try (Client app = client(cluster, name).build()) {
        app.loginUser(PHONE, r -> cluster.services.loginCode(PHONE).orElseThrow(), r -> "pw");
        app.invokeOn(5, SELF);
        assertThat(app.keyExchanges()).isEqualTo(3);
      }
      try (Client again = client(cluster, name).build()) {
        Session s = again.storage().session();
        assertThat(s.dcId()).isEqualTo(4);
        assertThat(s.userId()).isEqualTo(id);
        assertThat(again.storage().dcKeys()).extracting(DcKey::dcId, DcKey::authorized)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false),
                org.assertj.core.groups.Tuple.tuple(5, true));
        assertThat(again.getMe().id()).isEqualTo(id);
        again.invokeOn(5, SELF);
        assertThat(again.keyExchanges()).isZero();
        assertThat(again.exports()).isZero();
        again.logOut();
      }
      try (PostgresStorage gone = PostgresStorage.create(Pg.dataSource(), name)) {
        gone.open();
        assertThat(gone.session().authKey()).isNull();
        assertThat(gone.session().userId()).isNull();
        assertThat(gone.dcKeys()).isEmpty();
      }
      assertThat(cluster.count("auth.exportAuthorization")).isEqualTo(1);
    }
  }
}
