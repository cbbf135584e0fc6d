package dev.jgram.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run measured: the {@code --json} document, also read back by the chart and
 * table writers.
 *
 * @param jvm the JVM's name and version
 * @param sqliteVersion the SQLite library version the file engine runs on
 * @param cores processors available to the JVM
 * @param seed the workload seed
 * @param results every figure, in the order measured
 */
@JsonPropertyOrder({"jvm", "sqlite_version", "cores", "seed", "results"})
record Report(
    @JsonProperty("jvm") String jvm,
    @JsonProperty("sqlite_version") String sqliteVersion,
    @JsonProperty("cores") int cores,
    @JsonProperty("seed") long seed,
    @JsonProperty("results") List<Result> results) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON document, pretty-printed. */
  String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report as JSON", e);
    }
  }

  /** Reads a document written by {@link #toJson()}. */
  static Report read(Path json) {
    try {
      return JSON.readValue(json.toFile(), Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a bench report from " + json, e);
    }
  }

  /**
   * One report of several runs' results, in the order given, naming the machine and seed of
   * the first (the chart and table of the README come from runs made one after another).
   */
  static Report join(List<Report> reports) {
    Report first = reports.get(0);
    List<Result> all = new ArrayList<>();
    reports.forEach(r -> all.addAll(r.results()));
    return new Report(first.jvm(), first.sqliteVersion(), first.cores(), first.seed(), all);
  }

  /**
   * A readable table of every figure, one line each, with a header naming the machine. The
   * bytes column is per peer (file size, or heap for the memory engine) or, for the fleet,
   * resident memory per session.
   */
  String toTable() {
    StringBuilder out = new StringBuilder(header(jvm, sqliteVersion, cores, seed));
    for (Result r : results) {
      out.append(line(r)).append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The table's first two lines: the machine, then the column names. */
  static String header(String jvm, String sqliteVersion, int cores, long seed) {
    return String.format(Locale.ROOT, "jgram bench: %s, SQLite %s, %d cores, seed %d%n",
        jvm, sqliteVersion, cores, seed)
        + String.format(Locale.ROOT, "%-7s %9s  %-16s %14s %9s %9s %9s %12s%n",
        "engine", "n", "scenario", "ops/s", "p50 us", "p99 us", "ms", "bytes");
  }

  /** One table line for a result. */
  static String line(Result r) {
    String scenario = r.sessions() == null ? r.scenario() : r.scenario() + " x" + r.sessions();
    Double bytes = r.bytesPerPeer() != null ? r.bytesPerPeer()
        : r.heapBytesPerPeer() != null ? r.heapBytesPerPeer() : r.rssBytesPerSession();
    return String.format(Locale.ROOT, "%-7s %9d  %-16s %14s %9s %9s %9s %12s",
        r.engine(), r.n(), scenario, format(r.opsPerS(), "%,.0f"), format(r.p50Us(), "%.2f"),
        format(r.p99Us(), "%.2f"), format(r.ms(), "%.2f"), format(bytes, "%,.1f"));
  }

  private static String format(Double value, String pattern) {
    return value == null ? "" : String.format(Locale.ROOT, pattern, value);
  }
}
