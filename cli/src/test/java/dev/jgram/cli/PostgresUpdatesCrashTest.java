package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlCombinator;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackDc;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.VectorResult;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bot on the PostgreSQL engine killed with SIGKILL in the middle of a stream of messages and
 * started again delivers every message at least once, in order, with no gap.
 */
class PostgresUpdatesCrashTest {
  static final String TOKEN = "5000005:AAH-pg_crash";
  static final long BOT = 5000005L;
  static final int MESSAGES = 300;

  private static Process child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PgListenChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

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

  @Test
  void aPostgresBotKilledMidStreamAndRestartedDeliversEveryMessageAtLeastOnceInOrder()
      throws Exception {
    LoopbackDc dc = new LoopbackDc(2);
    ExecutorService pusher = Executors.newSingleThreadExecutor();
    Services[] services = new Services[1];
    services[0] = Services.open(List.of(new DcAddress(2, "127.0.0.1", dc.address().port())),
        Clock.systemUTC(), RandomSource.secure(), null, (user, updates) -> {
          byte[] bytes = LoopbackDc.CODEC.encode(updates);
          pusher.execute(() -> dc.push(k -> services[0].userOf(k).orElse(0) == user, bytes));
        }, login -> { });
    dc.contextHandler = (k, session, msgId, apiId, query) ->
        answer(services[0], k, session, msgId, apiId, query);
    try {
      services[0].addBot(BotSpec.ofToken(TOKEN));
      long alice = services[0].addUser(UserSpec.ofPhone("+15550001234"));
      String name = Pg.freshName("crash");
      String[] args = {Pg.jdbcUrl(), name, Integer.toString(dc.address().port()),
          LoopbackDc.KEY.publicKey().toPem(), TOKEN};

      Process first = child(args);
      BlockingQueue<String> firstOut = lines(first);
      messagesUntil(firstOut, "ready", Integer.MAX_VALUE);
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        for (int i = 1; i <= MESSAGES; i++) {
          services[0].sendMessage(alice, BOT, "m" + i);
        }
      });
      List<String> before = messagesUntil(firstOut, "never", MESSAGES / 3);
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (String l; (l = firstOut.poll(200, TimeUnit.MILLISECONDS)) != null; ) {
        if (l.startsWith("msg ")) {
          before.add(l.substring(4));
        }
      }
      sending.get(60, TimeUnit.SECONDS);

      Process second = child(args);
      List<String> after = messagesUntil(lines(second), "m" + MESSAGES, 10 * MESSAGES);
      second.destroyForcibly();

      assertThat(before).isEqualTo(range(1, before.size()));
      assertThat(after).isNotEmpty();
      int resumedAt = Integer.parseInt(after.get(0).substring(1));
      assertThat(resumedAt).isBetween(1, before.size() + 1);
      assertThat(after).isEqualTo(range(resumedAt, MESSAGES));
    } finally {
      pusher.shutdownNow();
      services[0].close();
      dc.close();
    }
  }

  private static List<String> range(int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      texts.add("m" + i);
    }
    return texts;
  }

  private static LoopbackDc.Answer answer(Services services, long k, long session, long msgId,
      int apiId, byte[] bytes) {
    TlObject query = LoopbackDc.CODEC.decode(bytes);
    Answer a = services.handle(new CallContext(2, k, session, msgId, 198, apiId, false, 0),
        query);
    if (a instanceof Answer.Error e) {
      return LoopbackDc.Answer.error(e.code(), e.message());
    }
    TlObject value = ((Answer.Result) a).value();
    if (VectorResult.isVector(value)) {
      TlCombinator c = LoopbackDc.CODEC.schema().byName(query.name()).orElseThrow();
      return LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(VectorResult.items(value),
          c.resultType().toString()));
    }
    return LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(value));
  }
}
