package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 6 of the workload: upsert and lookups against the memory engine, and the heap it
 * keeps per peer.
 *
 * <p>The upsert time covers the batches only: closing a memory storage discards it, and the
 * lookups run on the same instance. Heap per peer is measured on a second instance filled
 * from a freshly generated copy of the workload that is dropped afterwards, so everything the
 * storage retains (entries, indexes, the usernames and phone strings) is counted and nothing
 * else: used heap after the GC settles, with the storage alive, minus the same before it was
 * made, divided by N.
 */
final class MemoryScenarios {
  private static final String ENGINE = "memory";

  private final RunSettings settings;

  MemoryScenarios(RunSettings settings) {
    this.settings = settings;
  }

  /** Runs every memory scenario for the workload's N. */
  List<Result> run(Workload workload, LookupKeys keys) {
    int n = workload.size();
    List<Result> results = new ArrayList<>();
    try (Storage storage = Storage.memory()) {
      storage.open();
      storage.session(workload.session());
      List<List<Peer>> batches = workload.batches();
      CpuClock.Reading clock = CpuClock.now();
      long start = System.nanoTime();
      for (List<Peer> batch : batches) {
        storage.updatePeers(batch);
      }
      double opsPerS = n * 1e9 / (System.nanoTime() - start);
      settings.progress().accept(CpuClock.since(clock, n));
      results.add(report(Result.throughput(ENGINE, n, "upsert", opsPerS)));
      for (Result r : new Lookups(settings.warmupMillis()).run(ENGINE, n, storage, keys)) {
        results.add(report(r));
      }
    }
    results.add(report(Result.heapSize(n, heapBytesPerPeer(n, workload.seed()))));
    return results;
  }

  private static double heapBytesPerPeer(int n, long seed) {
    long before = ProcessMemory.settledUsedHeap();
    Storage storage = filled(n, seed);
    long after = ProcessMemory.settledUsedHeap();
    double perPeer = (after - before) / (double) n;
    if (storage.peerCount() != n) {
      throw new IllegalStateException(
          "memory storage holds " + storage.peerCount() + " peers; expected " + n);
    }
    storage.close();
    return perPeer;
  }

  private static Storage filled(int n, long seed) {
    Storage storage = Storage.memory();
    storage.open();
    for (List<Peer> batch : Workload.generate(n, seed).batches()) {
      storage.updatePeers(batch);
    }
    return storage;
  }

  private Result report(Result result) {
    settings.progress().accept(Report.line(result));
    return result;
  }
}
