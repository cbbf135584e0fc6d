package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenarios 1 to 5 of the workload against the file engine: durable upsert, re-upsert, open,
 * lookups and size, in that order, on one session file that is removed afterwards.
 */
final class FileScenarios {
  private static final String ENGINE = "file";
  private static final int OPEN_ROUNDS = 5;

  private final RunSettings settings;

  FileScenarios(RunSettings settings) {
    this.settings = settings;
  }

  /** Runs every file scenario for the workload's N. */
  List<Result> run(Workload workload, LookupKeys keys) {
    int n = workload.size();
    Path file = settings.sessionFile("bench-file-" + n);
    RunSettings.deleteSession(file);
    List<List<Peer>> batches = workload.batches();
    List<Result> results = new ArrayList<>();
    try {
      Storage created = Storage.file(file);
      created.open();
      created.session(workload.session());
      results.add(report(Result.throughput(ENGINE, n, "upsert", timedUpsert(created, batches))));
      Storage again = Storage.file(file);
      again.open();
      results.add(report(Result.throughput(ENGINE, n, "reupsert", timedUpsert(again, batches))));
      results.add(report(Result.open(ENGINE, n, medianOpenMillis(file, keys.ids()[0]))));
      try (Storage storage = Storage.file(file)) {
        storage.open();
        for (Result r : new Lookups(settings.warmupMillis()).run(ENGINE, n, storage, keys)) {
          results.add(report(r));
        }
      }
      results.add(report(Result.fileSize(n, RunSettings.sessionBytes(file) / (double) n)));
    } finally {
      RunSettings.deleteSession(file);
    }
    return results;
  }

  /**
   * Writes every batch, each committed by its call, then closes; returns peers/s. Reports as
   * progress where the time went ({@link CpuClock}).
   */
  private double timedUpsert(Storage storage, List<List<Peer>> batches) {
    int n = 0;
    CpuClock.Reading clock = CpuClock.now();
    long start = System.nanoTime();
    for (List<Peer> batch : batches) {
      storage.updatePeers(batch);
      n += batch.size();
    }
    storage.close();
    long wall = System.nanoTime() - start;
    settings.progress().accept(CpuClock.since(clock, n));
    return n * 1e9 / wall;
  }

  private static double medianOpenMillis(Path file, long firstKey) {
    double[] millis = new double[OPEN_ROUNDS];
    for (int round = 0; round < OPEN_ROUNDS; round++) {
      long start = System.nanoTime();
      Storage storage = Storage.file(file);
      storage.open();
      storage.peerById(firstKey);
      millis[round] = (System.nanoTime() - start) / 1e6;
      storage.close();
    }
    Arrays.sort(millis);
    return millis[OPEN_ROUNDS / 2];
  }

  private Result report(Result result) {
    settings.progress().accept(Report.line(result));
    return result;
  }
}
