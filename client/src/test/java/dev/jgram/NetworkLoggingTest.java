package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.LogCapture;
import dev.jgram.testdc.services.BotSpec;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INFO lines a user sees when the client connects, migrates and waits out a flood. */
class NetworkLoggingTest {
  static final String TOKEN = "5000002:AAH-logging_secret";

  @TempDir
  Path dir;
  LoopbackServices cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2, 1, 3);
    cluster.services.addBot(BotSpec.ofToken(TOKEN).withHomeDc(3));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void connectMigrationAndFloodWaitAreLoggedAtInfoWithoutSecrets() {
    String keyHex;
    try (LogCapture log = LogCapture.start();
        Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      cluster.services.faults().floodWait("users.getUsers", 1, 1);
      app.getMe();
      keyHex = HexFormat.of().formatHex(app.storage().session().authKey().bytes());

      List<String> info = log.lines(Level.INFO);
      assertThat(info).anyMatch(l -> l.startsWith("connected to DC 2 (127.0.0.1:"));
      assertThat(info).anyMatch(l -> l.equals("bot: migrated to DC 3 (the account's home)"));
      assertThat(info).anyMatch(l -> l.startsWith("connected to DC 3 (127.0.0.1:"));
      assertThat(info).anyMatch(l -> l.startsWith("flood wait of 1 s on users.getUsers at DC 3"));
      assertThat(log.text()).doesNotContain("logging_secret")
          .doesNotContainIgnoringCase(keyHex.substring(0, 32));
    }
  }
}
