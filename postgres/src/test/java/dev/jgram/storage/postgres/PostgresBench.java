package dev.jgram.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * PostgreSQL mode of the peer-cache benchmark: aggregate peers/s with many sessions writing at
 * once, each on its own thread, in batches of 200, each batch committed (durable) before the
 * next. Not a unit test; run by hand:
 *
 * <pre>
 * java -cp ... dev.jgram.storage.postgres.PostgresBench [sessions=50] [peersPerSession=10000]
 *     [seed=42] [jdbcUrl]
 * </pre>
 *
 * <p>Without a JDBC URL it starts an embedded PostgreSQL with its default settings (fsync
 * and synchronous_commit on).
 */
public final class PostgresBench {
  private static final int BATCH = 200;
  private static final int LOOKUPS = 2_000;

  private PostgresBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    EmbeddedPostgres embedded = args.length > 3 ? null : EmbeddedPostgres.start();
    HikariConfig hc = new HikariConfig();
    if (embedded != null) {
      hc.setDataSource(embedded.getPostgresDatabase());
    } else {
      hc.setJdbcUrl(args[3]);
    }
    hc.setMaximumPoolSize(sessions + 2);
    try (HikariDataSource pool = new HikariDataSource(hc)) {
      new Run(pool, sessions, perSession, seed).all();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private record Run(DataSource pool, int sessions, int perSession, long seed) {
    void all() throws Exception {
      System.out.printf("sessions=%d peersPerSession=%d batch=%d seed=%d cores=%d%n",
          sessions, perSession, BATCH, seed, Runtime.getRuntime().availableProcessors());
      String schema = "bench_" + System.nanoTime();
      List<List<Peer>> peers = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        peers.add(Workload.peers(seed + s, perSession));
      }
      long total = (long) sessions * perSession;
      double upsert = timed(s -> write(schema, s, peers.get(s), true));
      report("upsert, durable", total, upsert, "peers");
      double reupsert = timed(s -> write(schema, s, peers.get(s), false));
      report("re-upsert", total, reupsert, "peers");
      double lookups = timed(s -> lookUp(schema, s, peers.get(s)));
      report("lookups by id (random)", (long) sessions * LOOKUPS, lookups, "lookups");
    }

    private void write(String schema, int s, List<Peer> peers, boolean fresh) {
      try (PostgresStorage storage = storage(schema, s)) {
        storage.open();
        if (fresh) {
          byte[] key = new byte[AuthKey.LENGTH];
          new Random(seed + s).nextBytes(key);
          storage.session(new Session(2, 12345, false, AuthKey.of(key), 0, 777000L, false));
        }
        for (int from = 0; from < peers.size(); from += BATCH) {
          storage.updatePeers(peers.subList(from, Math.min(peers.size(), from + BATCH)));
        }
      }
    }

    private void lookUp(String schema, int s, List<Peer> peers) {
      Random random = new Random(seed * 31 + s);
      try (PostgresStorage storage = storage(schema, s)) {
        storage.open();
        for (int i = 0; i < LOOKUPS; i++) {
          storage.peerById(peers.get(random.nextInt(peers.size())).id());
        }
      }
    }

    private PostgresStorage storage(String schema, int s) {
      return PostgresStorage.create(pool, "account" + s, schema, StorageConfig.DEFAULTS);
    }

    /** Seconds for every session to run {@code work} at once, from a common start. */
    private double timed(IntConsumer work) throws Exception {
      ExecutorService threads = Executors.newFixedThreadPool(sessions);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        int session = s;
        done.add(threads.submit(() -> {
          start.await();
          work.accept(session);
          return null;
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      threads.shutdown();
      return seconds;
    }

    private static void report(String what, long count, double seconds, String unit) {
      System.out.printf("%-24s %,d %s in %.2f s = %,.0f %s/s%n",
          what, count, unit, seconds, count / seconds, unit);
    }
  }
}
