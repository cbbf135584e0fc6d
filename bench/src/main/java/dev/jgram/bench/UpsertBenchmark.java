package dev.jgram.bench;

import dev.jgram.storage.Peer;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one {@code updatePeers} call with a batch of 200 peers that already exist, committed
 * by the call. With {@code rows=changed} every peer's access hash differs from the stored one
 * (the write path); with {@code rows=unchanged} the batch repeats what is stored (the path a
 * client takes most, when the same users arrive again in every update).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UpsertBenchmark {
  private static final int PEERS = 10_000;

  /** {@code file} or {@code memory}. */
  @Param({"file", "memory"})
  public String engine;

  /** {@code changed} or {@code unchanged}. */
  @Param({"changed", "unchanged"})
  public String rows;

  private Path dir;
  private Storage storage;
  private List<List<Peer>> stored;
  private List<List<Peer>> flipped;
  private int next;

  /** Fills a storage with 10,000 workload peers and prepares the batches. */
  @Setup
  public void setUp() {
    dir = Fixtures.tempDir();
    Workload workload = Workload.generate(PEERS, Fixtures.SEED);
    storage = Fixtures.filled(engine, workload, dir);
    stored = workload.batches();
    flipped = new ArrayList<>();
    for (List<Peer> batch : stored) {
      List<Peer> changed = new ArrayList<>(batch.size());
      for (Peer p : batch) {
        changed.add(Peer.of(p.id(), p.accessHash() == null ? 1 : ~p.accessHash(), p.type(),
            p.usernames(), p.phoneNumber()));
      }
      flipped.add(List.copyOf(changed));
    }
  }

  /** Closes and removes the storage. */
  @TearDown
  public void tearDown() {
    storage.close();
    Fixtures.delete(dir);
  }

  /** One batch of 200. */
  @Benchmark
  public void batchOf200() {
    int k = next++;
    int pass = k / stored.size();
    List<List<Peer>> source = rows.equals("changed") && pass % 2 == 0 ? flipped : stored;
    storage.updatePeers(source.get(k % stored.size()));
  }
}
