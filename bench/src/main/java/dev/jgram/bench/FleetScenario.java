package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet: many file sessions open at once in one JVM, as a bot host runs hundreds of
 * accounts. Every session receives the same {@code n} workload peers, batch after batch in
 * turn (batch 1 to every session, then batch 2, ...), each batch committed by its call.
 *
 * <p>Reports the aggregate peers/s and the resident memory per open session: the growth of
 * the process RSS (VmRSS) from before the first session was opened to when every session is
 * open, has its peers and sits idle, divided by the session count. The Java heap is counted
 * by what the sessions keep alive (used heap after the GC settles), not by how much the JVM
 * happens to have committed at either moment: a full collection may give committed heap
 * back to the OS, or not, which would otherwise swing the figure by megabytes either way.
 */
final class FleetScenario {
  private final RunSettings settings;

  FleetScenario(RunSettings settings) {
    this.settings = settings;
  }

  /** Runs the fleet of {@code sessions} sessions with {@code n} peers each. */
  Result run(int sessions, int n) {
    Workload workload = Workload.generate(n, settings.seed());
    List<List<Peer>> batches = workload.batches();
    List<Path> files = new ArrayList<>(sessions);
    List<Storage> open = new ArrayList<>(sessions);
    try {
      warmUp(workload, batches);
      Footprint before = Footprint.now();
      for (int s = 0; s < sessions; s++) {
        Path file = settings.sessionFile("fleet-" + s);
        RunSettings.deleteSession(file);
        files.add(file);
        Storage storage = Storage.file(file);
        open.add(storage);
        storage.open();
        storage.session(workload.session());
      }
      CpuClock.Reading clock = CpuClock.now();
      long start = System.nanoTime();
      for (List<Peer> batch : batches) {
        for (Storage storage : open) {
          storage.updatePeers(batch);
        }
      }
      long wall = System.nanoTime() - start;
      double opsPerS = (double) sessions * n * 1e9 / wall;
      String cpu = CpuClock.since(clock, (long) sessions * n);
      Footprint growth = Footprint.now().minus(before);
      double rssPerSession = growth.perSession(sessions);
      Result result = Result.fleet(sessions, n, opsPerS, rssPerSession);
      settings.progress().accept(Report.line(result));
      settings.progress().accept(cpu);
      settings.progress().accept("#   per session: native " + growth.nativeBytes() / sessions
          + " bytes, live Java heap " + growth.usedHeap() / sessions + " bytes");
      return result;
    } finally {
      open.forEach(Storage::close);
      files.forEach(RunSettings::deleteSession);
    }
  }

  /**
   * Opens, fills and removes one session first, so that loading the SQLite library and the
   * engine's classes is not counted against the fleet's sessions.
   */
  private void warmUp(Workload workload, List<List<Peer>> batches) {
    Path file = settings.sessionFile("fleet-warmup");
    try (Storage storage = Storage.file(file)) {
      storage.open();
      storage.session(workload.session());
      batches.forEach(storage::updatePeers);
    } finally {
      RunSettings.deleteSession(file);
    }
  }

  /**
   * The process's memory at one moment, after the GC settles.
   *
   * @param rss resident set size
   * @param heapCommitted Java heap committed by the JVM
   * @param usedHeap live Java heap
   */
  private record Footprint(long rss, long heapCommitted, long usedHeap) {
    static Footprint now() {
      long used = ProcessMemory.settledUsedHeap();
      long rss = ProcessMemory.settledRssBytes();
      return new Footprint(rss, ProcessMemory.heapCommitted(), used);
    }

    Footprint minus(Footprint earlier) {
      return new Footprint(rss - earlier.rss, heapCommitted - earlier.heapCommitted,
          usedHeap - earlier.usedHeap);
    }

    /** Resident growth outside the Java heap (SQLite, statements, mapped files, JVM). */
    long nativeBytes() {
      return rss - heapCommitted;
    }

    double perSession(int sessions) {
      return (nativeBytes() + usedHeap) / (double) sessions;
    }
  }
}
