package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.BotSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client process killed with SIGKILL after login comes back with no new key exchange. */
class CrashRestartTest {
  static final String TOKEN = "5000003:AAH-crash_secret";

  @TempDir
  Path dir;

  Process child(String... args) throws Exception {
    return ChildJvm.start(ChildClient.class, args);
  }

  static String firstLineStartingWith(Process p, String prefix) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        StringBuilder seen = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
          if (l.startsWith(prefix)) {
            return l;
          }
          seen.append(l).append('\n');
        }
        throw new AssertionError("the child ended without '" + prefix + "':\n" + seen);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return line.get(60, TimeUnit.SECONDS);
  }

  @Test
  void aClientKilledAfterLoginReconnectsWithTheStoredKey() throws Exception {
    try (LoopbackServices cluster = new LoopbackServices(dir.resolve("state"), 2)) {
      cluster.services.addBot(BotSpec.ofToken(TOKEN));
      String port = Integer.toString(cluster.dc(2).address().port());
      String pem = LoopbackDc.KEY.publicKey().toPem();

      Process first = child("login", dir.toString(), port, pem, TOKEN);
      assertThat(firstLineStartingWith(first, "ready")).isEqualTo("ready");
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

      Process second = child("me", dir.toString(), port, pem);
      assertThat(firstLineStartingWith(second, "me "))
          .isEqualTo("me 5000003 key_exchanges 0");
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(cluster.keyExchanges()).isEqualTo(1);
      assertThat(cluster.logins).hasSize(1);
    }
  }
}
