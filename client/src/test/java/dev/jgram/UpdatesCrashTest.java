package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.net.LoopbackDc;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.UserSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot killed with SIGKILL in the middle of a stream of messages and started again delivers
 * every message at least once, in order, with no gap: what the killed process was given but had
 * not kept comes again from the difference.
 */
class UpdatesCrashTest {
  static final String TOKEN = "5000004:AAH-crash_updates";
  static final long BOT = 5000004L;
  static final int MESSAGES = 300;

  @TempDir
  Path dir;

  private Process child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChildClient.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The child's output lines, read on a thread of their own. */
  private static BlockingQueue<String> lines(Process p) {
    BlockingQueue<String> out = new LinkedBlockingQueue<>();
    CompletableFuture.runAsync(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          out.add(l);
        }
      } catch (java.io.IOException ended) {
        // the process was killed
      }
    });
    return out;
  }

  /** Reads lines until one equals {@code last}; returns the texts of the "msg" lines. */
  private static List<String> messagesUntil(BlockingQueue<String> from, String stop, int atMost)
      throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> other = new ArrayList<>();
    while (texts.size() < atMost) {
      String l = from.poll(60, TimeUnit.SECONDS);
      assertThat(l).as("child output ended; got %s and %s", texts, other).isNotNull();
      if (l.startsWith("msg ")) {
        texts.add(l.substring(4));
        if (l.substring(4).equals(stop)) {
          break;
        }
      } else {
        other.add(l);
        if (l.equals(stop)) {
          break;
        }
      }
    }
    return texts;
  }

  @Test
  void aBotKilledMidStreamAndRestartedDeliversEveryMessageAtLeastOnceInOrder()
      throws Exception {
    try (ServicesCluster cluster = new ServicesCluster(dir.resolve("state"), 2)) {
      cluster.services.addBot(BotSpec.ofToken(TOKEN));
      long alice = cluster.services.addUser(UserSpec.ofPhone("+15550001234"));
      String port = Integer.toString(cluster.dc(2).address().port());
      String pem = LoopbackDc.KEY.publicKey().toPem();

      Process first = child("listen", dir.toString(), port, pem, TOKEN);
      BlockingQueue<String> firstOut = lines(first);
      messagesUntil(firstOut, "ready", Integer.MAX_VALUE);
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        for (int i = 1; i <= MESSAGES; i++) {
          cluster.services.sendMessage(alice, BOT, "m" + i);
        }
      });
      List<String> before = messagesUntil(firstOut, "never", MESSAGES / 3);
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      before.addAll(drained(firstOut));
      sending.get(60, TimeUnit.SECONDS);

      Process second = child("listen", dir.toString(), port, pem, TOKEN);
      List<String> after = messagesUntil(lines(second), "m" + MESSAGES, 10 * MESSAGES);
      second.destroyForcibly();

      assertThat(before).isEqualTo(expected(1, before.size()));
      assertThat(after).isNotEmpty();
      int resumedAt = Integer.parseInt(after.get(0).substring(1));
      assertThat(resumedAt).as("the restart resumes at or before the first undelivered one")
          .isBetween(1, before.size() + 1);
      assertThat(after).isEqualTo(expected(resumedAt, MESSAGES));
    }
  }

  private static List<String> drained(BlockingQueue<String> out) throws Exception {
    List<String> texts = new ArrayList<>();
    for (String l; (l = out.poll(200, TimeUnit.MILLISECONDS)) != null; ) {
      if (l.startsWith("msg ")) {
        texts.add(l.substring(4));
      }
    }
    return texts;
  }

  private static List<String> expected(int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      texts.add("m" + i);
    }
    return texts;
  }
}
