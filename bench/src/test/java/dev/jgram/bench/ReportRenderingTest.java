package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportRenderingTest {
  private static final Report REPORT = new Report("Test VM 17", "3.50.0", 2, 42, List.of(
      Result.throughput("file", 10_000, "upsert", 150_000),
      Result.throughput("file", 100_000, "upsert", 90_000),
      Result.throughput("file", 100_000, "reupsert", 400_000),
      Result.latency("file", 100_000, "lookup_id", 2_000_000, 0.4, 3.9),
      Result.latency("file", 100_000, "lookup_username", 300_000, 2.5, 9.0),
      Result.open("file", 100_000, 4.2),
      Result.fileSize(100_000, 80.4),
      Result.throughput("memory", 100_000, "upsert", 3_000_000),
      Result.latency("memory", 100_000, "lookup_id", 12_000_000, 0.05, 0.1),
      Result.heapSize(100_000, 170.2),
      Result.fleet(1_000, 1_000, 60_000, 200 * 1024)));

  @Test
  void theMarkdownTablePutsJgramBesidePyrogramAndMarksEachTarget() {
    String md = ResultsTable.markdown(REPORT);
    assertThat(md).contains("| engine | scenario | N | jgram | Pyrogram 2.0.106 |");
    assertThat(md).contains("| file | upsert, commit per batch | 100,000 | 90 k/s | "
        + "17 k/s committed per batch (51 k/s committing nothing) | ≥ 100 k/s ❌ |");
    assertThat(md).contains("| file | upsert, commit per batch | 10,000 | 150 k/s | "
        + "12 k/s committed per batch (64 k/s committing nothing) | ≥ 100 k/s |");
    assertThat(md).contains("| file | lookup by id | 100,000 | 2.0 M/s, p50 0.4 µs, p99 3.9 µs"
        + " | 44 k/s, p50 17 µs, p99 39 µs | ≥ 1 M/s, p99 ≤ 5 µs ✅ |");
    assertThat(md).contains("| file | open until first lookup | 100,000 | 4.2 ms | 150–190 ms"
        + " | ≤ 10 ms ✅ |");
    assertThat(md).contains("| memory | heap | 100,000 | 170 B/peer |  | ≤ 150 B/peer ❌ |");
    assertThat(md).contains("| file | 1000 sessions open at once | 1,000 | 60 k/s, "
        + "200 KB RSS/session |  | ≤ 256 KB/session ✅ |");
  }

  @Test
  void theChartIsWellFormedSvgWithOneLinePerSeries() throws Exception {
    String svg = Chart.svg(REPORT);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    // upserts: file, re-upsert, memory + 3 Pyrogram; lookups: file id, username, memory id + 2
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(11);
    assertThat(svg).contains("jgram file, commit per batch", "Pyrogram file, by id",
        "N = 100k", "seed 42");
  }

  @Test
  void theJsonDocumentReadsBackAsTheSameReport(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    Files.writeString(json, REPORT.toJson());
    assertThat(Report.read(json)).isEqualTo(REPORT);
  }

  @Test
  void reportsOfSeveralRunsJoinInOrderUnderTheFirstsMachine() {
    Report other = new Report("Other VM", "3.1.0", 8, 7, List.of(Result.open("file", 5, 1)));
    Report joined = Report.join(List.of(REPORT, other));
    assertThat(joined.jvm()).isEqualTo("Test VM 17");
    assertThat(joined.results()).hasSize(REPORT.results().size() + 1);
    assertThat(joined.results().get(joined.results().size() - 1).n()).isEqualTo(5);
  }

  @Test
  void theJsonLeavesOutFieldsThatDoNotApply() {
    String json = new Report("vm", "3", 2, 1, List.of(Result.open("file", 10, 1.5))).toJson();
    assertThat(json).contains("\"ms\" : 1.5").doesNotContain("ops_per_s", "null");
  }

  @Test
  void theTableShowsOneLinePerResult() {
    String table = REPORT.toTable();
    assertThat(table.lines()).hasSize(2 + REPORT.results().size());
    assertThat(table).contains("Test VM 17, SQLite 3.50.0, 2 cores, seed 42");
    assertThat(table.lines().filter(l -> l.startsWith("memory"))).hasSize(3);
  }
}
