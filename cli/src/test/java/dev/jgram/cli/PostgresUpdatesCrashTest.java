package dev.jgram.cli;

import dev.jgram.ChildJvm;
import dev.jgram.UpdatesCrashScenario;
import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.UserSpec;
import org.junit.jupiter.api.Test;

/**
 * A bot on the PostgreSQL engine killed with SIGKILL in the middle of a stream of messages and
 * started again delivers every message at least once, in order, with no gap (the client's
 * {@link UpdatesCrashScenario}, with {@link PgListenChild} as the bot).
 */
class PostgresUpdatesCrashTest {
  static final String TOKEN = "5000005:AAH-pg_crash";
  static final long BOT = 5000005L;
  static final int MESSAGES = 300;

  @Test
  void aPostgresBotKilledMidStreamAndRestartedDeliversEveryMessageAtLeastOnceInOrder()
      throws Exception {
    try (LoopbackServices cluster = new LoopbackServices(null, 2)) {
      cluster.services.addBot(BotSpec.ofToken(TOKEN));
      long alice = cluster.services.addUser(UserSpec.ofPhone("+15550001234"));
      String[] args = {Pg.jdbcUrl(), Pg.freshName("crash"),
          Integer.toString(cluster.dc(2).address().port()), LoopbackDc.KEY.publicKey().toPem(),
          TOKEN};

      UpdatesCrashScenario.killMidStreamAndRestart(cluster, alice, BOT, MESSAGES,
          () -> ChildJvm.start(PgListenChild.class, args));
    }
  }
}
