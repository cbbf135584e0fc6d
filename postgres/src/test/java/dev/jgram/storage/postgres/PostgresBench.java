package dev.jgram.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final int LOOKUPS = 500;
  private static final String[] KINDS = {"by id", "by username", "by phone", "id miss"};

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
      System.out.printf("sessions=%d peersPerSession=%d batch=%d seed=%d cores=%d load=%.1f%n",
          sessions, perSession, BATCH, seed, Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
      long[][] latencies = new long[KINDS.length][sessions * LOOKUPS];
      double lookups = timed(s -> lookUp(schema, s, peers.get(s), latencies));
      report("lookups, 4 kinds mixed", (long) KINDS.length * sessions * LOOKUPS, lookups,
          "lookups");
      for (int k = 0; k < KINDS.length; k++) {
        long[] l = latencies[k];
        Arrays.sort(l);
        System.out.printf("  %-12s p50 %,d us, p99 %,d us%n", KINDS[k],
            l[l.length / 2] / 1000, l[l.length * 99 / 100] / 1000);
      }
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

    /** Random lookups of each kind, cache off: every one is a database round trip. */
    private void lookUp(String schema, int s, List<Peer> peers, long[][] latencies) {
      Random random = new Random(seed * 31 + s);
      List<Peer> named = peers.stream().filter(p -> !p.usernames().isEmpty()).toList();
      List<Peer> phoned = peers.stream().filter(p -> p.phoneNumber() != null).toList();
      try (PostgresStorage storage = PostgresStorage.create(pool, "account" + s, schema,
          StorageConfig.DEFAULTS.withCacheSize(0))) {
        storage.open();
        for (int i = 0; i < LOOKUPS; i++) {
          int slot = s * LOOKUPS + i;
          Peer p = peers.get(random.nextInt(peers.size()));
          Peer n = named.get(random.nextInt(named.size()));
          Peer ph = phoned.get(random.nextInt(phoned.size()));
          latencies[0][slot] = time(() -> storage.peerById(p.id()));
          latencies[1][slot] = time(() -> storage.peerByUsername(n.primaryUsername()));
          latencies[2][slot] = time(() -> storage.peerByPhoneNumber(ph.phoneNumber()));
          latencies[3][slot] = time(() -> storage.peer(7 + random.nextInt(1_000)));
        }
      }
    }

    private static long time(Runnable lookup) {
      long t0 = System.nanoTime();
      lookup.run();
      return System.nanoTime() - t0;
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
