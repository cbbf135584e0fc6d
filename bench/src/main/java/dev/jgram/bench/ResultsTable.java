package dev.jgram.bench;

import java.util.Locale;

/**
 * The README's results table in Markdown: every figure of a run beside Pyrogram's on the
 * same workload and, at N = 100,000, the issue-6 target with whether it was met.
 */
final class ResultsTable {
  private ResultsTable() {}

  /** The table for a report, preceded by one line naming the machine and seed. */
  static String markdown(Report report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s, SQLite %s, %d cores, seed %d.%n%n",
        report.jvm(), report.sqliteVersion(), report.cores(), report.seed()));
    out.append("| engine | scenario | N | jgram | Pyrogram 2.0.106 | target (N = 100,000) |\n");
    out.append("|---|---|---:|---|---|---|\n");
    for (Result r : report.results()) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
          r.engine(), scenarioName(r), count(r.n()), figure(r), Reference.pyrogram(r),
          target(r)));
    }
    return out.toString();
  }

  private static String scenarioName(Result r) {
    return switch (r.scenario()) {
      case "upsert" -> r.engine().equals("file") ? "upsert, commit per batch" : "upsert";
      case "reupsert" -> "re-upsert, commit per batch";
      case "lookup_id" -> "lookup by id";
      case "lookup_username" -> "lookup by username";
      case "lookup_phone" -> "lookup by phone";
      case "lookup_miss" -> "lookup of a missing id";
      case "open" -> "open until first lookup";
      case "size" -> r.engine().equals("file") ? "size on disk" : "heap";
      case "fleet" -> r.sessions() + " sessions open at once";
      default -> r.scenario();
    };
  }

  /** A result's figures as they read in the table. */
  static String figure(Result r) {
    if (r.scenario().equals("fleet")) {
      return rate(r.opsPerS()) + ", " + kib(r.rssBytesPerSession()) + " RSS/session";
    }
    if (r.p50Us() != null) {
      return String.format(Locale.ROOT, "%s, p50 %.1f µs, p99 %.1f µs", rate(r.opsPerS()),
          r.p50Us(), r.p99Us());
    }
    if (r.opsPerS() != null) {
      return rate(r.opsPerS());
    }
    if (r.ms() != null) {
      return String.format(Locale.ROOT, "%.1f ms", r.ms());
    }
    double bytes = r.bytesPerPeer() != null ? r.bytesPerPeer() : r.heapBytesPerPeer();
    return String.format(Locale.ROOT, "%.0f B/peer", bytes);
  }

  /** A rate with a k or M suffix: {@code 123 k/s}, {@code 2.4 M/s}. */
  static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M/s", perSecond / 1e6);
    }
    if (perSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.0f k/s", perSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f /s", perSecond);
  }

  private static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.0f KB", bytes / 1024);
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String target(Result r) {
    Reference.Target t = Reference.target(r);
    if (t == null) {
      return "";
    }
    Boolean met = Reference.met(r);
    return met == null ? t.text() : t.text() + (met ? " ✅" : " ❌");
  }
}
