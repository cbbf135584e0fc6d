package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * The PostgreSQL mode: {@code sessions} sessions in one database, each on its own thread with
 * its own connection, run the workload at once (session {@code s} draws its peers from
 * {@code seed + s}); the figure is the aggregate over all of them. Three phases, each started
 * together from a latch: the first write of every peer (batches of {@value Workload#BATCH},
 * each committed before the next), the same peers again, then random lookups by id with the
 * engine's cache off so every one is a database round trip. The sessions live in a fresh
 * schema that is dropped again afterwards.
 */
final class PostgresScenario {
  private final DataSource dataSource;
  private final RunSettings settings;
  private final int sessions;

  PostgresScenario(DataSource dataSource, RunSettings settings, int sessions) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.sessions = sessions;
  }

  /** Runs the three phases at {@code n} peers per session. */
  List<Result> run(int n) {
    String schema = "jgram_bench_" + Long.toUnsignedString(System.nanoTime(), 36);
    List<Workload> workloads = new ArrayList<>(sessions);
    for (int s = 0; s < sessions; s++) {
      workloads.add(Workload.generate(n, settings.seed() + s));
    }
    long peers = (long) sessions * n;
    try {
      double upsert = peers / timed(s -> write(schema, s, workloads.get(s), true));
      double reupsert = peers / timed(s -> write(schema, s, workloads.get(s), false));
      long[] nanos = new long[sessions * settings.lookupCount()];
      double lookups = nanos.length / timed(s -> lookUp(schema, s, workloads.get(s), nanos));
      Latencies l = Latencies.of(nanos);
      List<Result> results = List.of(
          Result.concurrent(n, "upsert_concurrent", sessions, upsert, null, null),
          Result.concurrent(n, "reupsert_concurrent", sessions, reupsert, null, null),
          Result.concurrent(n, "lookup_id_concurrent", sessions, lookups,
              l.percentileMicros(50), l.percentileMicros(99)));
      results.forEach(r -> settings.progress().accept(Report.line(r)));
      return results;
    } finally {
      dropSchema(schema);
    }
  }

  private void write(String schema, int s, Workload workload, boolean fresh) {
    try (PostgresStorage storage = storage(schema, s, StorageConfig.DEFAULTS)) {
      storage.open();
      if (fresh) {
        storage.session(workload.session());
      }
      for (List<Peer> batch : workload.batches()) {
        storage.updatePeers(batch);
      }
    }
  }

  private void lookUp(String schema, int s, Workload workload, long[] nanos) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 31 + s);
    int count = settings.lookupCount();
    try (PostgresStorage storage = storage(schema, s, StorageConfig.DEFAULTS.withCacheSize(0))) {
      storage.open();
      for (int i = 0; i < count; i++) {
        long id = workload.peer(random.nextInt(workload.size())).id();
        long t0 = System.nanoTime();
        storage.peerById(id);
        nanos[s * count + i] = System.nanoTime() - t0;
      }
    }
  }

  private PostgresStorage storage(String schema, int s, StorageConfig config) {
    return PostgresStorage.create(dataSource, "bench" + s, schema, config);
  }

  /** Seconds for every session to run {@code work} at once, from a common start. */
  private double timed(IntConsumer work) {
    ExecutorService threads = Executors.newFixedThreadPool(sessions);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>(sessions);
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
        await(f);
      }
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sessions ran", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  private void dropSchema(String schema) {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      settings.progress().accept("# postgres: could not drop schema " + schema + ": "
          + e.getMessage());
    }
  }
}
