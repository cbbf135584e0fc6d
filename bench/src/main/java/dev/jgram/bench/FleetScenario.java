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
 * <p>Reports the aggregate peers/s and the resident memory per open session: the process RSS
 * (VmRSS) once every session is open and has its peers and sits idle, minus the RSS before
 * the first one was opened (both after the GC settles), divided by the session count.
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
      long heapBefore = ProcessMemory.settledUsedHeap();
      long rssBefore = ProcessMemory.rssBytes();
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
      long heapPerSession = (ProcessMemory.settledUsedHeap() - heapBefore) / sessions;
      double rssPerSession = (ProcessMemory.rssBytes() - rssBefore) / (double) sessions;
      Result result = Result.fleet(sessions, n, opsPerS, rssPerSession);
      settings.progress().accept(Report.line(result));
      settings.progress().accept(cpu);
      settings.progress().accept("# fleet: of the RSS per session, used Java heap: "
          + heapPerSession + " bytes");
      return result;
    } finally {
      open.forEach(Storage::close);
      files.forEach(RunSettings::deleteSession);
    }
  }
}
