package dev.jgram.bench;

import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 3 of the workload: lookups by id, username, phone and a missing id on an open
 * storage, each over its own set of random keys.
 *
 * <p>Each kind first runs untimed passes over its keys for at least {@code warmupMillis} (so
 * that the JIT has compiled the path, as in a long-running client; a count of passes is not
 * enough on a busy machine, where the compiler threads wait for a core too), then {@value #THROUGHPUT_ROUNDS} timed
 * passes without per-call clocks, then one pass that times every call with
 * {@link System#nanoTime()} for p50 and p99. Ops/s comes from the fastest of the timed passes:
 * on a shared machine the slower ones measure the other processes, and a pass of 10,000 fast
 * calls is short enough to fall between their time slices.
 */
final class Lookups {
  private static final int THROUGHPUT_ROUNDS = 5;

  /** One kind of lookup: call number {@code k} of a pass. */
  private interface Call {
    Object run(int k);
  }

  private final long warmupNanos;
  private int sink;

  Lookups(int warmupMillis) {
    this.warmupNanos = warmupMillis * 1_000_000L;
  }

  /** Runs the four lookup kinds; results in the order id, username, phone, miss. */
  List<Result> run(String engine, int n, Storage storage, LookupKeys keys) {
    List<Result> results = new ArrayList<>(4);
    results.add(measure(engine, n, "lookup_id", keys.ids().length,
        k -> storage.peerById(keys.ids()[k])));
    results.add(measure(engine, n, "lookup_username", keys.usernames().length,
        k -> storage.peerByUsername(keys.usernames()[k])));
    results.add(measure(engine, n, "lookup_phone", keys.phones().length,
        k -> storage.peerByPhoneNumber(keys.phones()[k])));
    results.add(measure(engine, n, "lookup_miss", keys.missingIds().length,
        k -> miss(storage, keys.missingIds()[k])));
    return results;
  }

  private static Object miss(Storage storage, long id) {
    try {
      return storage.peerById(id);
    } catch (PeerNotFoundException expected) {
      return expected.reason();
    }
  }

  private Result measure(String engine, int n, String scenario, int count, Call call) {
    long warm = 0;
    do {
      warm += pass(call, count);
    } while (warm < warmupNanos);
    long[] passNanos = new long[THROUGHPUT_ROUNDS];
    for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
      passNanos[round] = pass(call, count);
    }
    double opsPerS = count * 1e9 / java.util.Arrays.stream(passNanos).min().orElseThrow();
    long[] nanos = new long[count];
    for (int k = 0; k < count; k++) {
      long t0 = System.nanoTime();
      sink += call.run(k).hashCode();
      nanos[k] = System.nanoTime() - t0;
    }
    Latencies latencies = Latencies.of(nanos);
    return Result.latency(engine, n, scenario, opsPerS, latencies.percentileMicros(50),
        latencies.percentileMicros(99));
  }

  private long pass(Call call, int count) {
    long start = System.nanoTime();
    for (int k = 0; k < count; k++) {
      sink += call.run(k).hashCode();
    }
    return System.nanoTime() - start;
  }

  /** Folded results of every call, so that the JIT cannot drop them. */
  int sink() {
    return sink;
  }
}
