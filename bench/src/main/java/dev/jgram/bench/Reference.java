package dev.jgram.bench;

import java.util.Map;

/**
 * The figures jgram is compared with: Pyrogram 2.0.106's own storage code on the same
 * workload and a 2-core machine (medians of 3 runs, from {@code shared/bench/workload.md}),
 * and the targets of issue 6 at N = 100,000.
 */
final class Reference {
  /** The N at which the targets apply. */
  static final int TARGET_N = 100_000;

  /**
   * A target: the figure must be at least ({@code atLeast}) or at most {@code bound}.
   *
   * @param bound the limit
   * @param atLeast whether the figure must reach the limit from below (throughput)
   * @param text how the target reads in a table
   */
  record Target(double bound, boolean atLeast, String text) {
    boolean met(double value) {
      return atLeast ? value >= bound : value <= bound;
    }
  }

  private static final Map<String, String> PYROGRAM = Map.ofEntries(
      Map.entry("file/upsert/10000", "12 k/s committed per batch (64 k/s committing nothing)"),
      Map.entry("file/upsert/100000", "17 k/s committed per batch (51 k/s committing nothing)"),
      Map.entry("file/reupsert/100000", "62 k/s"),
      Map.entry("memory/upsert/10000", "56 k/s"),
      Map.entry("memory/upsert/100000", "62 k/s"),
      Map.entry("file/lookup_id/10000", "58 k/s, p50 16 µs, p99 38 µs"),
      Map.entry("file/lookup_id/100000", "44 k/s, p50 17 µs, p99 39 µs"),
      Map.entry("file/lookup_username/10000", "37 k/s, p50 25 µs"),
      Map.entry("file/lookup_username/100000", "31 k/s, p50 27 µs"),
      Map.entry("file/lookup_phone/10000", "51 k/s, p50 18 µs"),
      Map.entry("file/lookup_phone/100000", "46 k/s, p50 20 µs"),
      Map.entry("file/lookup_miss/10000", "70 k/s"),
      Map.entry("file/lookup_miss/100000", "68 k/s"),
      Map.entry("file/open/100000", "150–190 ms"),
      Map.entry("file/size/10000", "≈ 85 B/peer"),
      Map.entry("file/size/100000", "≈ 85 B/peer"));

  private static final Map<String, Target> TARGETS = Map.ofEntries(
      Map.entry("file/upsert", new Target(100_000, true, "≥ 100 k/s")),
      Map.entry("file/reupsert", new Target(150_000, true, "≥ 150 k/s")),
      Map.entry("file/lookup_id", new Target(1_000_000, true, "≥ 1 M/s, p99 ≤ 5 µs")),
      Map.entry("file/lookup_username", new Target(500_000, true, "≥ 500 k/s")),
      Map.entry("file/lookup_phone", new Target(500_000, true, "≥ 500 k/s")),
      Map.entry("file/open", new Target(10, false, "≤ 10 ms")),
      Map.entry("file/size", new Target(85, false, "≤ 85 B/peer")),
      Map.entry("memory/upsert", new Target(2_000_000, true, "≥ 2 M/s")),
      Map.entry("memory/lookup_id", new Target(10_000_000, true, "≥ 10 M/s")),
      Map.entry("memory/size", new Target(150, false, "≤ 150 B/peer")),
      Map.entry("file/fleet", new Target(256 * 1024, false, "≤ 256 KB/session")));

  /** The p99 bound of the file engine's id lookup target, in microseconds. */
  static final double ID_LOOKUP_P99_US = 5;

  private Reference() {}

  /** Pyrogram's figure for a result's engine, scenario and N, or an empty string. */
  static String pyrogram(Result r) {
    return PYROGRAM.getOrDefault(r.engine() + "/" + r.scenario() + "/" + r.n(), "");
  }

  /** The issue-6 target for a result's engine and scenario, or null. */
  static Target target(Result r) {
    return TARGETS.get(r.engine() + "/" + r.scenario());
  }

  /** Whether a result meets its target; null when it has none or N is not the target's N. */
  static Boolean met(Result r) {
    Target t = target(r);
    if (t == null || (r.n() != TARGET_N && !r.scenario().equals("fleet"))) {
      return null;
    }
    boolean met = t.met(headline(r));
    if (r.scenario().equals("lookup_id") && r.engine().equals("file")) {
      met &= r.p99Us() <= ID_LOOKUP_P99_US;
    }
    return met;
  }

  /** The figure a target bounds: ops/s, open ms, bytes per peer or RSS per session. */
  static double headline(Result r) {
    if (r.opsPerS() != null && !r.scenario().equals("fleet")) {
      return r.opsPerS();
    }
    if (r.ms() != null) {
      return r.ms();
    }
    if (r.bytesPerPeer() != null) {
      return r.bytesPerPeer();
    }
    if (r.heapBytesPerPeer() != null) {
      return r.heapBytesPerPeer();
    }
    return r.rssBytesPerSession();
  }
}
