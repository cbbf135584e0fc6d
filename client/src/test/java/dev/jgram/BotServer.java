package dev.jgram;

import dev.jgram.net.LoopbackBots;
import dev.jgram.net.LoopbackDc;
import java.io.IOException;

/** Loopback DCs that know one bot, and client builders pointed at them. Test code only. */
final class BotServer implements AutoCloseable {
  static final String TOKEN = LoopbackBots.TOKEN;
  static final long BOT_ID = LoopbackBots.BOT_ID;

  final LoopbackBots bots;
  final java.util.Map<Long, Long> boundKeys;
  final java.util.concurrent.atomic.AtomicInteger logins;

  BotServer(int botHome, int... ids) throws IOException {
    bots = new LoopbackBots(botHome, ids);
    boundKeys = bots.boundKeys;
    logins = bots.logins;
  }

  LoopbackDc dc(int id) {
    return bots.dc(id);
  }

  int keyExchanges() {
    return bots.keyExchanges();
  }

  void botHome(int dc) {
    bots.botHome = dc;
  }

  void override(LoopbackDc.Answer answer) {
    bots.override = answer;
  }

  Client.Builder client(String name) {
    Client.Builder b = Client.builder(name).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem());
    bots.dcs.values().forEach(d -> b.dc(d.id, "127.0.0.1", d.address().port()));
    return b;
  }

  @Override
  public void close() throws IOException {
    bots.close();
  }
}
