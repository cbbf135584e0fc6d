package dev.jgram.bench;

import dev.jgram.Client;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates delivered per second, end to end: testdc's services store {@code n} private messages
 * to a bot as fast as one thread can send them and push each as {@code updateShortMessage} over
 * a loopback DC (MTProto encrypted, one message per update); the bot is a {@link Client} on the
 * file engine whose handler counts them. The clock stops when the handler has the last one and
 * the file holds its pts (the state is written in the batch's commit, after the handler).
 * An untimed run of the same size, in a session of its own, comes first: without it the figure
 * is mostly the JIT compiling the path (about 44,000/s for a cold 100,000 against some 66,000/s
 * once compiled, on the idle 2-core machine).
 *
 * <pre>
 * java -cp jgram-bench-0.1.0-SNAPSHOT-all.jar dev.jgram.bench.UpdatesThroughput [N] [DIR] [direct]
 * </pre>
 *
 * <p>Prints one JSON object: {@code updates}, {@code seconds}, {@code updates_per_second},
 * {@code send_seconds} (how long the services took to store and queue every push) and
 * {@code engine}.
 */
public final class UpdatesThroughput {
  private static final String TOKEN = "5000001:AAH-bench_updates";
  private static final long BOT = 5000001L;

  private UpdatesThroughput() {}

  /**
   * Runs with {@code N} (default 100000) updates in a session under {@code DIR}; a third
   * argument {@code direct} pushes pre-encoded updates without the services.
   */
  public static void main(String[] args) throws Exception {
    dev.jgram.bench.LibraryLog.quiet();
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("jgram-updates");
    boolean direct = args.length > 2 && args[2].equals("direct");
    run(n, Files.createTempDirectory(dir, "warm-up"), direct);
    Result r = run(n, dir, direct);
    System.out.printf(Locale.ROOT, "{\"engine\":\"file\",\"direct\":" + direct
        + ",\"warm_up_updates\":" + n + ",\"updates\":%d,\"seconds\":%.3f,"
        + "\"updates_per_second\":%.0f,\"send_seconds\":%.3f}%n", r.updates(), r.seconds(),
        r.perSecond(), r.sendSeconds());
  }

  /** One run's figures. */
  record Result(int updates, double seconds, double sendSeconds) {
    double perSecond() {
      return updates / seconds;
    }
  }

  /**
   * Pushes {@code n} messages to a file-engine bot in {@code dir}; returns the figures. {@code
   * direct} leaves the services out: the DC pushes {@code updateShortMessage}s encoded
   * beforehand, with the pts that follow the bot's, so only the client's side is measured.
   */
  static Result run(int n, Path dir, boolean direct) throws Exception {
    try (LoopbackServices cluster = new LoopbackServices(null, 2)) {
      cluster.services.addBot(BotSpec.ofToken(TOKEN));
      long alice = cluster.services.addUser(UserSpec.ofPhone("+15550001234"));
      return measure(n, dir, cluster.dc(2), cluster.services, alice, direct);
    }
  }

  private static Result measure(int n, Path dir, LoopbackDc dc, Services services, long alice,
      boolean direct) throws Exception {
    CountDownLatch all = new CountDownLatch(1);
    AtomicLong got = new AtomicLong();
    Client.Builder b = Client.builder("bench").workdir(dir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem()).dc(2, "127.0.0.1", dc.address().port());
    try (Client app = b.build()) {
      app.loginBot(TOKEN);
      CountDownLatch caughtUp = new CountDownLatch(1);
      AtomicLong warmPts = new AtomicLong();
      app.onNewMessage(m -> {
        if (m.text().equals("warm-up")) {
          warmPts.set(m.update().state().pts());
          caughtUp.countDown();
        } else if (got.incrementAndGet() == n) {
          all.countDown();
        }
      });
      // The start's own difference first: the stream is measured once pushes flow.
      services.sendMessage(alice, BOT, "warm-up");
      if (!caughtUp.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the bot did not catch up with its start");
      }
      int startPts = (int) warmPts.get();
      long start = System.nanoTime();
      if (direct) {
        pushDirect(dc, services, startPts, alice, n);
      } else {
        for (int i = 0; i < n; i++) {
          services.sendMessage(alice, BOT, "m" + i);
        }
      }
      double sent = (System.nanoTime() - start) / 1e9;
      if (!all.await(Math.max(60, n / 1000), TimeUnit.SECONDS)) {
        throw new IllegalStateException("only " + got.get() + " of " + n + " updates arrived;"
            + " stored state " + app.storage().updateState().orElse(null) + ", start pts "
            + startPts);
      }
      Storage storage = app.storage();
      while (storage.updateState().map(UpdateState::pts).orElse(0) < startPts + n) {
        Thread.onSpinWait();
      }
      return new Result(n, (System.nanoTime() - start) / 1e9, sent);
    }
  }

  /** Updates in one direct push, as a busy account gets them ({@code updates} of several). */
  static final int DIRECT_BATCH = 50;

  /**
   * Encodes {@code n} messages from {@code alice} first, {@value #DIRECT_BATCH} to an {@code
   * updates} object, then pushes them as fast as it can.
   */
  private static void pushDirect(LoopbackDc dc, Services services, int pts, long alice, int n) {
    List<byte[]> pushes = new java.util.ArrayList<>();
    int date = (int) (System.currentTimeMillis() / 1000);
    TlObject from = TlObject.of("peerUser", "user_id", alice);
    List<TlObject> batch = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      TlObject message = TlObject.of("message", "id", i + 10, "from_id", from, "peer_id", from,
          "date", date, "message", "m" + i);
      batch.add(TlObject.of("updateNewMessage", "message", message, "pts", pts + i + 1,
          "pts_count", 1));
      if (batch.size() == DIRECT_BATCH || i == n - 1) {
        pushes.add(LoopbackDc.CODEC.encode(TlObject.of("updates", "updates", List.copyOf(batch),
            "users", List.of(), "chats", List.of(), "date", date, "seq", 0)));
        batch.clear();
      }
    }
    for (byte[] push : pushes) {
      dc.push(key -> services.userOf(key).orElse(0) == BOT, push);
    }
  }
}
