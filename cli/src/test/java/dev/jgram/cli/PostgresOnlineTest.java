package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.Client;
import dev.jgram.net.LoopbackBots;
import dev.jgram.net.LoopbackDc;
import dev.jgram.storage.Session;
import dev.jgram.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.Test;

/** The PostgreSQL engine goes online like the others: one key, one login, then neither. */
class PostgresOnlineTest {

  static Client.Builder client(LoopbackBots server, String name) {
    Client.Builder b = Client.builder(name)
        .storage(PostgresStorage.create(Pg.dataSource(), name)).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem());
    server.dcs.values().forEach(d -> b.dc(d.id, "127.0.0.1", d.address().port()));
    return b;
  }

  @Test
  void aPostgresSessionLogsInOnceAndComesBackWithoutKeyExchangeOrLogin() throws Exception {
    String name = Pg.freshName("online");
    try (LoopbackBots server = new LoopbackBots(2, 2)) {
      try (Client app = client(server, name).build()) {
        assertThat(app.loginBot(LoopbackBots.TOKEN).id()).isEqualTo(LoopbackBots.BOT_ID);
        assertThat(app.keyExchanges()).isEqualTo(1);
      }
      try (Client again = client(server, name).build()) {
        Session s = again.storage().session();
        assertThat(s.userId()).isEqualTo(LoopbackBots.BOT_ID);
        assertThat(s.isBot()).isTrue();
        assertThat(s.dcId()).isEqualTo(2);
        assertThat(again.getMe().id()).isEqualTo(LoopbackBots.BOT_ID);
        assertThat(again.keyExchanges()).isZero();
      }
      assertThat(server.keyExchanges()).isEqualTo(1);
      assertThat(server.logins).hasValue(1);
    }
  }
}
