package dev.jgram;

import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot killed with SIGKILL in the middle of a stream of messages and started again delivers
 * every message at least once, in order, with no gap: what the killed process was given but had
 * not kept comes again from the difference ({@link UpdatesCrashScenario}, on the file engine).
 */
class UpdatesCrashTest {
  static final String TOKEN = "5000004:AAH-crash_updates";
  static final long BOT = 5000004L;
  static final int MESSAGES = 300;

  @TempDir
  Path dir;

  @Test
  void aBotKilledMidStreamAndRestartedDeliversEveryMessageAtLeastOnceInOrder()
      throws Exception {
    try (LoopbackServices cluster = new LoopbackServices(dir.resolve("state"), 2)) {
      cluster.services.addBot(BotSpec.ofToken(TOKEN));
      long alice = cluster.services.addUser(UserSpec.ofPhone("+15550001234"));
      String port = Integer.toString(cluster.dc(2).address().port());
      String pem = LoopbackDc.KEY.publicKey().toPem();

      UpdatesCrashScenario.killMidStreamAndRestart(cluster, alice, BOT, MESSAGES,
          () -> ChildJvm.start(ChildClient.class, "listen", dir.toString(), port, pem, TOKEN));
    }
  }
}
