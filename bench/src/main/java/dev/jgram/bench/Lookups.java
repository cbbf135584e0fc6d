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
 * enough on a busy machine, where the compiler threads wait for a core too). Then
 * {@value #ROUNDS} timed passes over all keys, each timed in chunks of {@value #CHUNK} calls:
 * ops/s is the key count over the sum, per chunk, of its fastest round. A chunk lasts well
 * under a scheduler time slice, so on a shared machine at least one round of it usually runs
 * undisturbed, and every key still counts. Last, one pass times every call with
 * {@link System#nanoTime()} for p50 and p99.
 */
final class Lookups {
  private static final int ROUNDS = 5;
  private static final int CHUNK = 500;

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
      long start = System.nanoTime();
      calls(call, 0, count);
      warm += System.nanoTime() - start;
    } while (warm < warmupNanos);
    double opsPerS = count * 1e9 / fastestChunksNanos(call, count);
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

  private long fastestChunksNanos(Call call, int count) {
    int chunks = (count + CHUNK - 1) / CHUNK;
    long[] fastest = new long[chunks];
    java.util.Arrays.fill(fastest, Long.MAX_VALUE);
    for (int round = 0; round < ROUNDS; round++) {
      for (int c = 0; c < chunks; c++) {
        long start = System.nanoTime();
        calls(call, c * CHUNK, Math.min(count, (c + 1) * CHUNK));
        fastest[c] = Math.min(fastest[c], System.nanoTime() - start);
      }
    }
    return java.util.Arrays.stream(fastest).sum();
  }

  private void calls(Call call, int from, int to) {
    for (int k = from; k < to; k++) {
      sink += call.run(k).hashCode();
    }
  }

  /** Folded results of every call, so that the JIT cannot drop them. */
  int sink() {
    return sink;
  }
}
