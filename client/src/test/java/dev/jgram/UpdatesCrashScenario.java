package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.net.LoopbackServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The crash proof of the updates issue, for any storage engine: a child JVM listens as a bot and
 * prints {@code ready}, then {@code msg <text>} for each message its handler is given; a user
 * sends the bot {@code m1 ... mN}; after a third of them the child is killed with SIGKILL; a
 * second child on the same storage must then deliver every message at least once, in order,
 * with no gap: what the killed one was given but had not kept comes again from the difference.
 * The client's file-engine test and the command line's PostgreSQL test run it, with children
 * started by {@link ChildJvm}. Test code only.
 */
public final class UpdatesCrashScenario {
  private UpdatesCrashScenario() {}

  /**
   * The child's side, in the child's main: logs the bot in, prints {@code ready}, then
   * {@code msg TEXT} for every new message the handler is given, until the process is killed.
   */
  public static void listenUntilKilled(Client app, String token) throws InterruptedException {
    app.loginBot(token);
    app.onNewMessage(m -> {
      System.out.println("msg " + m.text());
      System.out.flush();
    });
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * Runs the scenario and asserts its outcome.
   *
   * @param cluster the services the bot's children connect to
   * @param alice the user who sends the messages
   * @param bot the bot's user id
   * @param messages how many messages alice sends
   * @param listener starts a child listening as the bot on the storage under test
   */
  public static void killMidStreamAndRestart(LoopbackServices cluster, long alice, long bot,
      int messages, Callable<Process> listener) throws Exception {
    Process first = listener.call();
    BlockingQueue<String> firstOut = lines(first);
    messagesUntil(firstOut, "ready", Integer.MAX_VALUE);
    CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
      for (int i = 1; i <= messages; i++) {
        cluster.services.sendMessage(alice, bot, "m" + i);
      }
    });
    List<String> before = messagesUntil(firstOut, "never", messages / 3);
    first.destroyForcibly(); // SIGKILL
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    before.addAll(drained(firstOut));
    sending.get(60, TimeUnit.SECONDS);

    Process second = listener.call();
    List<String> after = messagesUntil(lines(second), "m" + messages, 10 * messages);
    second.destroyForcibly();

    assertThat(before).isEqualTo(expected(1, before.size()));
    assertThat(after).isNotEmpty();
    int resumedAt = Integer.parseInt(after.get(0).substring(1));
    assertThat(resumedAt).as("the restart resumes at or before the first undelivered one")
        .isBetween(1, before.size() + 1);
    assertThat(after).isEqualTo(expected(resumedAt, messages));
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
      } catch (IOException ended) {
        // the process was killed
      }
    });
    return out;
  }

  /** The texts of "msg" lines until {@code stop} (a text or another line) or {@code atMost}. */
  private static List<String> messagesUntil(BlockingQueue<String> from, String stop, int atMost)
      throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> other = new ArrayList<>();
    while (texts.size() < atMost) {
      String l = from.poll(60, TimeUnit.SECONDS);
      assertThat(l).as("child output ended; got %s and %s", texts, other).isNotNull();
      String text = l.startsWith("msg ") ? l.substring(4) : null;
      if (text != null) {
        texts.add(text);
      } else {
        other.add(l);
      }
      if (l.equals(stop) || stop.equals(text)) {
        break;
      }
    }
    return texts;
  }

  /** The texts of the "msg" lines a killed child printed before it died. */
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
