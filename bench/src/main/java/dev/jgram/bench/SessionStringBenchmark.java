package dev.jgram.bench;

import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: encoding and decoding a Pyrogram session string (the current 362-character layout). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionStringBenchmark {
  private Session session;
  private String encoded;

  /** The workload's session row and its string. */
  @Setup
  public void setUp() {
    session = Workload.generate(1, Fixtures.SEED).session();
    encoded = PyrogramSessionString.encode(session);
  }

  /** Session to string. */
  @Benchmark
  public String encode() {
    return PyrogramSessionString.encode(session);
  }

  /** String to session. */
  @Benchmark
  public Session decode() {
    return PyrogramSessionString.decode(encoded);
  }
}
