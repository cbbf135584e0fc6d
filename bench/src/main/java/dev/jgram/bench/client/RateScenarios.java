package dev.jgram.bench.client;

import dev.jgram.Client;
import dev.jgram.bench.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * getMe round trips on one logged-in client (one connection): one after another from one
 * thread, then from {@code inFlight} threads at once so that many calls are in flight on the
 * connection (the client's calls block; calls made in one turn of its loop go out in one
 * container).
 */
final class RateScenarios {
  private final BenchCluster cluster;
  private final Client client;

  RateScenarios(BenchCluster cluster, Client client) {
    this.cluster = cluster;
    this.client = client;
  }

  /** {@code calls} getMe calls one after another, after {@code warmUp} untimed ones. */
  Rate sequential(int warmUp, int calls) {
    for (int i = 0; i < warmUp; i++) {
      client.getMe();
    }
    return timed("sequential getMe", calls, () -> {
      for (int i = 0; i < calls; i++) {
        client.getMe();
      }
    });
  }

  /** {@code calls} getMe calls from {@code inFlight} threads, after a warm-up of as many. */
  Rate concurrent(int warmUp, int calls, int inFlight) {
    List<Thread> started = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(inFlight, task -> {
      Thread t = new Thread(task, "getMe-caller-" + started.size());
      started.add(t);
      return t;
    });
    try {
      spread(threads, inFlight, warmUp);
      return timed("concurrent getMe (" + inFlight + " in flight)", calls,
          () -> spread(threads, inFlight, calls));
    } finally {
      stop(threads, started);
    }
  }

  /**
   * Stops the callers and waits until each of their threads has ended: the pool reports
   * itself terminated before its last threads are gone, and the fleet counts threads next.
   */
  private static void stop(ExecutorService threads, List<Thread> started) {
    threads.shutdownNow();
    try {
      for (Thread t : started) {
        t.join(TimeUnit.SECONDS.toMillis(30));
        if (t.isAlive()) {
          throw new IllegalStateException(t.getName() + " did not stop within 30 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void spread(ExecutorService threads, int inFlight, int calls) {
    AtomicLong left = new AtomicLong(calls);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < inFlight; t++) {
      done.add(threads.submit(() -> {
        while (left.decrementAndGet() >= 0) {
          client.getMe();
        }
      }));
    }
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a concurrent getMe failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the concurrent calls", e);
    }
  }

  private Rate timed(String scenario, long calls, Runnable batch) {
    long heap = ProcessMemory.settledUsedHeap();
    CpuMark cpu = CpuMark.now(cluster);
    long start = System.nanoTime();
    batch.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuMark end = CpuMark.now(cluster);
    return new Rate(scenario, calls, seconds, end.clientMillisSince(cpu),
        end.clusterMillisSince(cpu), ProcessMemory.settledUsedHeap() - heap);
  }
}
