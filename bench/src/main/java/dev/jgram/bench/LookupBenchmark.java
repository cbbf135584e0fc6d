package dev.jgram.bench;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
 * JMH: one lookup by id, username or phone, of keys that are there (hits) and of keys that are
 * not (misses), on a storage holding the workload's peers. Keys cycle through 10,000 random
 * ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {
  /** {@code file} or {@code memory}. */
  @Param({"file", "memory"})
  public String engine;

  /** Peers in the storage. */
  @Param({"100000"})
  public int peers;

  private Path dir;
  private Storage storage;
  private LookupKeys keys;
  /** Usernames and phone numbers no peer of the workload has, as many as there are keys. */
  private String[] missingUsernames;
  private String[] missingPhones;
  private int next;

  /** Fills a storage with the workload and draws the keys. */
  @Setup
  public void setUp() {
    dir = Fixtures.tempDir();
    Workload workload = Workload.generate(peers, Fixtures.SEED);
    storage = Fixtures.filled(engine, workload, dir);
    keys = LookupKeys.draw(workload, 10_000, new SplittableRandom(Fixtures.SEED));
    int n = keys.ids().length;
    missingUsernames = new String[n];
    missingPhones = new String[n];
    for (int k = 0; k < n; k++) {
      missingUsernames[k] = "absent_" + keys.missingIds()[k]; // no workload name starts so
      missingPhones[k] = Long.toString(20_000_000_000L + keys.missingIds()[k]); // users' are 1e10+i
    }
  }

  /** Closes and removes the storage. */
  @TearDown
  public void tearDown() {
    storage.close();
    Fixtures.delete(dir);
  }

  /** A lookup by an id that is there. */
  @Benchmark
  public InputPeer byId() {
    return storage.peerById(keys.ids()[next()]);
  }

  /** A lookup by any of a peer's usernames. */
  @Benchmark
  public InputPeer byUsername() {
    return storage.peerByUsername(keys.usernames()[next()]);
  }

  /** A lookup by a phone number that is there. */
  @Benchmark
  public InputPeer byPhone() {
    return storage.peerByPhoneNumber(keys.phones()[next()]);
  }

  /** A lookup by an id that is not there, answered with {@link PeerNotFoundException}. */
  @Benchmark
  public Object byMissingId() {
    try {
      return storage.peerById(keys.missingIds()[next()]);
    } catch (PeerNotFoundException expected) {
      return expected;
    }
  }

  /** A lookup by a username no peer has. */
  @Benchmark
  public Object byMissingUsername() {
    try {
      return storage.peerByUsername(missingUsernames[next()]);
    } catch (PeerNotFoundException expected) {
      return expected;
    }
  }

  /** A lookup by a phone number no peer has. */
  @Benchmark
  public Object byMissingPhone() {
    try {
      return storage.peerByPhoneNumber(missingPhones[next()]);
    } catch (PeerNotFoundException expected) {
      return expected;
    }
  }

  private int next() {
    int k = next;
    next = k + 1 == keys.ids().length ? 0 : k + 1;
    return k;
  }
}
