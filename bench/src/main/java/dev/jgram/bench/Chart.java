package dev.jgram.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The README chart: peers/s of the upserts and lookups/s against N, for the file and memory
 * engines beside Pyrogram's reference figures, as a hand-written SVG of two log-log panels.
 */
final class Chart {
  private static final String FILE = "#1f6fb2";
  private static final String MEMORY = "#e07b00";
  private static final String PYROGRAM = "#8a8a8a";
  private static final String SOLID = "";
  private static final String DASHED = "6 4";
  private static final String DOTTED = "2 3";

  private Chart() {}

  /** The SVG document for a report. */
  static String svg(Report report) {
    List<SvgPlot.Series> upserts = List.of(
        series(report, "file", "upsert", "jgram file, commit per batch", FILE, SOLID),
        series(report, "file", "reupsert", "jgram file, re-upsert", FILE, DASHED),
        series(report, "memory", "upsert", "jgram memory", MEMORY, SOLID),
        reference("Pyrogram file, commit per batch", DASHED, 12_000, 17_000),
        reference("Pyrogram file, nothing committed", DOTTED, 64_000, 51_000),
        reference("Pyrogram memory", SOLID, 56_000, 62_000));
    List<SvgPlot.Series> lookups = List.of(
        series(report, "file", "lookup_id", "jgram file, by id", FILE, SOLID),
        series(report, "file", "lookup_username", "jgram file, by username", FILE, DASHED),
        series(report, "file", "lookup_phone", "jgram file, by phone", FILE, DOTTED),
        series(report, "memory", "lookup_id", "jgram memory, by id", MEMORY, SOLID),
        series(report, "memory", "lookup_username", "jgram memory, by username", MEMORY,
            DASHED),
        reference("Pyrogram file, by id", SOLID, 58_000, 44_000),
        reference("Pyrogram file, by username", DASHED, 37_000, 31_000));
    String caption = String.format(java.util.Locale.ROOT,
        "jgram bench, %s, SQLite %s, %d cores, seed %d; Pyrogram 2.0.106 reference in grey",
        report.jvm(), report.sqliteVersion(), report.cores(), report.seed());
    return SvgPlot.document(caption,
        new SvgPlot.Panel("Upserts, batches of 200 (peers/s)", nonEmpty(upserts)),
        new SvgPlot.Panel("Lookups (per second)", nonEmpty(lookups)));
  }

  private static SvgPlot.Series series(Report report, String engine, String scenario,
      String label, String color, String dash) {
    Map<Integer, Double> points = new TreeMap<>();
    for (Result r : report.results()) {
      if (r.engine().equals(engine) && r.scenario().equals(scenario) && r.opsPerS() != null) {
        points.put(r.n(), r.opsPerS());
      }
    }
    return new SvgPlot.Series(label, color, dash, points);
  }

  private static SvgPlot.Series reference(String label, String dash, double at10k,
      double at100k) {
    return new SvgPlot.Series(label, PYROGRAM, dash,
        new TreeMap<>(Map.of(10_000, at10k, 100_000, at100k)));
  }

  private static List<SvgPlot.Series> nonEmpty(List<SvgPlot.Series> all) {
    List<SvgPlot.Series> kept = new ArrayList<>();
    for (SvgPlot.Series s : all) {
      if (!s.points().isEmpty()) {
        kept.add(s);
      }
    }
    return kept;
  }
}
