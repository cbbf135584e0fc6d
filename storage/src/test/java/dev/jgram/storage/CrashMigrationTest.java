package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a process while it migrates an old Pyrogram file (schema 1 or 2 to 3, with jgram's
 * tables): whatever the moment, what the kill left is either the old file's content or the
 * migrated content, never a mix; a backup left beside it is the original byte for byte; and
 * the next open completes the migration. {@code -Djgram.crash.migrationCycles=N} per fixture
 * (default 8).
 */
class CrashMigrationTest {
  static final int CYCLES = Integer.getInteger("jgram.crash.migrationCycles", 8);

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pyrogram-v1-v0.15.1.session", "pyrogram-v2-v1.4.0.session"})
  void aKilledMigrationLeavesTheOldFileOrTheMigratedOneNeverAMix(String fixture)
      throws Exception {
    Path original = Fixtures.copy(fixture, Files.createDirectory(dir.resolve("original")));
    String originalSha = SqliteDump.sha256(original);
    String before = SqliteDump.dump(original);
    String after = migratedDump(fixture);
    assertThat(after).isNotEqualTo(before);
    long window = calibrate(fixture);
    Random random = new Random(fixture.hashCode());
    Map<String, Integer> found = new TreeMap<>();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      Path caseDir = Files.createDirectory(dir.resolve("kill" + cycle));
      Path file = Fixtures.copy(fixture, caseDir);
      List<String> lines = new ArrayList<>();
      try (ChildJvm child = ChildJvm.start(Map.of(), "open", file.toString())) {
        String line = child.nextLine(120_000);
        if (!"opening".equals(line)) {
          fail("the child did not start: " + line + "; " + child.stderr());
        }
        long delay = (long) (random.nextDouble() * 2 * window);
        long deadline = System.nanoTime() + delay;
        while (System.nanoTime() < deadline && !child.ended()) {
          String next = child.nextLine(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
          if (next != null) {
            lines.add(next);
          }
        }
        lines.addAll(child.killAndDrain());
      }
      String what = fixture + " cycle " + cycle + " (child printed " + lines + ")";
      String left = SqliteDump.dumpAfterRecovery(file, caseDir.resolve("scratch"));
      boolean old = left.equals(before);
      assertThat(old || left.equals(after)).as(what + ": the old content or the migrated one")
          .isTrue();
      found.merge(old ? "old" : "migrated", 1, Integer::sum);
      for (Path bak : backups(caseDir)) {
        assertThat(SqliteDump.sha256(bak)).as(what + ": backup " + bak).isEqualTo(originalSha);
      }
      try (Storage s = Storage.file(file)) {
        s.open();
      }
      assertThat(SqliteDump.dump(file)).as(what + ": the next open completes it").isEqualTo(after);
      assertThat(SqliteDump.integrity(file)).isEqualTo("ok");
    }
    System.out.println("crash migration " + fixture + ": " + CYCLES + " kills in a window of "
        + window / 1_000_000 + " ms, found " + found);
  }

  /** The content a clean migration gives. */
  private String migratedDump(String fixture) throws Exception {
    Path file = Fixtures.copy(fixture, Files.createDirectory(dir.resolve("clean")));
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    return SqliteDump.dump(file);
  }

  /** How long a child takes from "opening" to "open": the window the kills fall into. */
  private long calibrate(String fixture) throws Exception {
    Path file = Fixtures.copy(fixture, Files.createDirectory(dir.resolve("calibration")));
    try (ChildJvm child = ChildJvm.start(Map.of(), "open", file.toString())) {
      assertThat(child.nextLine(120_000)).isEqualTo("opening");
      long start = System.nanoTime();
      assertThat(child.nextLine(120_000)).isEqualTo("open");
      long window = System.nanoTime() - start;
      assertThat(child.waitFor(120)).isZero();
      return Math.max(window, 2_000_000);
    }
  }

  private static List<Path> backups(Path caseDir) throws java.io.IOException {
    try (var s = Files.list(caseDir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".bak")).toList();
    }
  }
}
