package dev.jgram.bench;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * JMH: opening an existing file session of the workload's peers until the first lookup has
 * answered. Closing happens after each measured call, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenBenchmark {
  /** Peers in the file. */
  @Param({"100000"})
  public int peers;

  private Path dir;
  private Path file;
  private long firstId;
  private Storage opened;

  /** Writes the file once. */
  @Setup(Level.Trial)
  public void setUp() {
    dir = Fixtures.tempDir();
    Workload workload = Workload.generate(peers, Fixtures.SEED);
    Fixtures.filled("file", workload, dir).close();
    file = dir.resolve("jmh-" + peers + ".session");
    firstId = workload.peer(peers / 2).id();
  }

  /** Closes what the last call opened. */
  @TearDown(Level.Invocation)
  public void closeOpened() {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }

  /** Removes the file. */
  @TearDown(Level.Trial)
  public void tearDown() {
    Fixtures.delete(dir);
  }

  /** Open, then one lookup by id. */
  @Benchmark
  public InputPeer openAndLookUp() {
    opened = Storage.file(file);
    opened.open();
    return opened.peerById(firstId);
  }
}
