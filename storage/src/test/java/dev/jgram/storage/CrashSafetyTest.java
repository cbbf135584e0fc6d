package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, proven by killing: a child JVM ({@link CrashChild}) writes peer batches and
 * session changes as fast as it can and acknowledges each batch on stdout; the test kills it
 * with SIGKILL at seeded random moments, reopens the file and checks that every acknowledged
 * batch is there in full, that no batch is there in part, that the session row is the one of
 * the last batch written, that SQLite's integrity check passes, and that the dead owner's lock
 * is taken over without help.
 *
 * <p>{@code -Djgram.crash.cycles=500} runs more cycles (default 50), {@code -Djgram.crash.seed}
 * another sequence of kill moments.
 */
class CrashSafetyTest {
  static final int CYCLES = Integer.getInteger("jgram.crash.cycles", 50);
  static final long SEED = Long.getLong("jgram.crash.seed", 20261125L);
  /** Cycles per session file before a new file is started (bounds the verification cost). */
  static final int CYCLES_PER_FILE = 10;
  /** Longest time a child writes before it is killed. */
  static final int MAX_WRITE_MILLIS = 400;
  static final byte[] RAW_KEY = new byte[32];

  static {
    new Random(SEED).nextBytes(RAW_KEY);
  }

  @TempDir
  Path dir;

  /** What the cycles saw, for the report. */
  static final class Figures {
    int cycles;
    int killsBeforeOpen;
    long batchesVerified;
    long acknowledged;
    int unacknowledgedButWhole;
    int staleLocks;
    final List<Long> lockWaitsNanos = new ArrayList<>();

    @Override
    public String toString() {
      List<Long> waits = new ArrayList<>(lockWaitsNanos);
      Collections.sort(waits);
      String w = waits.isEmpty() ? "none measured" : String.format(
          "min %.2f ms, median %.2f ms, max %.2f ms over %d tries", waits.get(0) / 1e6,
          waits.get(waits.size() / 2) / 1e6, waits.get(waits.size() - 1) / 1e6, waits.size());
      return "crash: " + cycles + " kill cycles (" + killsBeforeOpen + " before the child had "
          + "opened), " + acknowledged + " batches acknowledged, " + batchesVerified
          + " batch checks passed (" + unacknowledgedButWhole + " unacknowledged batches found "
          + "whole), " + staleLocks + " stale lock files taken over; second opener refused "
          + "after: " + w;
    }
  }

  @Test
  void killedWritersLoseNoAcknowledgedBatchAndLeaveNoBatchInPart() throws Exception {
    Random random = new Random(SEED);
    Figures figures = new Figures();
    Path file = null;
    long[] progress = null; // next batch to write, last batch acknowledged, session's batch
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle % CYCLES_PER_FILE == 0) {
        file = dir.resolve("crash-" + cycle + ".session");
        progress = new long[] {0, -1, -1};
      }
      boolean encrypted = (cycle / CYCLES_PER_FILE) % 2 == 1;
      cycle(file, progress, encrypted, random, figures, cycle);
    }
    System.out.println(figures);
    assertThat(figures.cycles).isEqualTo(CYCLES);
    assertThat(figures.acknowledged).as("children got to write").isPositive();
  }

  /** One child, one kill, one verification; advances {@code progress}. */
  private void cycle(Path file, long[] progress, boolean encrypted, Random random,
      Figures figures, int cycle) throws Exception {
    long next = progress[0];
    Map<String, String> env = encrypted
        ? Map.of(SessionEncryption.KEY_VARIABLE, Base64.getEncoder().encodeToString(RAW_KEY))
        : Map.of();
    List<String> lines = new ArrayList<>();
    boolean early = random.nextInt(8) == 0;
    try (ChildJvm child = ChildJvm.start(env, "peers", file.toString(), Long.toString(next),
        Long.toString(SEED), encrypted ? "raw" : "none")) {
      if (early) {
        collect(child, lines, random.nextInt(1_500));
        figures.killsBeforeOpen += lines.contains("open") ? 0 : 1;
      } else {
        awaitOpen(child, lines);
        if (cycle % 5 == 1) {
          figures.lockWaitsNanos.add(secondOpenerWait(file, child.pid()));
        }
        collect(child, lines, random.nextInt(MAX_WRITE_MILLIS + 1));
      }
      lines.addAll(child.killAndDrain());
    }
    figures.cycles++;
    long lastAck = progress[1];
    for (String line : lines) {
      if (!line.equals("open")) {
        lastAck = Math.max(lastAck, Long.parseLong(line));
        figures.acknowledged++;
      }
    }
    if (lines.contains("open") && Files.exists(SessionLockFiles.of(file))) {
      figures.staleLocks++;
    }
    progress[1] = lastAck;
    String seen = lines.size() <= 3 ? lines.toString() : lines.subList(0, 2) + "..."
        + lines.get(lines.size() - 1);
    System.out.println("crash cycle " + cycle + (encrypted ? " (encrypted)" : "") + ": batches "
        + next + ".., child printed " + lines.size() + " lines " + seen);
    verify(file, progress, encrypted, figures, cycle);
  }

  private static void awaitOpen(ChildJvm child, List<String> lines) throws InterruptedException {
    String line = child.nextLine(120_000);
    if (!"open".equals(line)) {
      fail("the child did not open the session: " + line + "; stderr: " + child.stderr());
    }
    lines.add(line);
  }

  /** Takes lines until {@code millis} have passed or the output ends. */
  private static void collect(ChildJvm child, List<String> lines, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    for (long left = millis; left > 0 && !child.ended();
        left = (deadline - System.nanoTime()) / 1_000_000L) {
      String line = child.nextLine(left);
      if (line != null) {
        lines.add(line);
      }
    }
    if (child.ended()) {
      fail("the child stopped by itself: " + child.stderr());
    }
  }

  /** How long a second opener takes to be refused while the child owns the file. */
  private static long secondOpenerWait(Path file, long ownerPid) {
    Storage second = Storage.file(file);
    long start = System.nanoTime();
    SessionLockedException e = catchThrowableOfType(second::open, SessionLockedException.class);
    long waited = System.nanoTime() - start;
    assertThat(e).as("a second opener is refused").isNotNull();
    assertThat(e.ownerPid()).as("the refusal names the owner").isEqualTo(ownerPid);
    return waited;
  }

  /**
   * Reopens the killed child's file and checks it against {@code progress} (next batch, last
   * acknowledged batch, batch of the session row), which it then advances.
   */
  private void verify(Path file, long[] progress, boolean encrypted, Figures figures,
      int cycle) {
    long next = progress[0];
    long lastAck = progress[1];
    StorageConfig config = encrypted
        ? StorageConfig.DEFAULTS.withEncryption(SessionEncryption.rawKey(RAW_KEY))
        : StorageConfig.DEFAULTS;
    Map<Long, Integer> perBatch = new TreeMap<>();
    Session session;
    try (Storage s = Storage.file(file, config)) {
      s.open(); // a SessionLockedException here would mean the dead child's lock was not taken over
      s.forEachPeer(p -> {
        long batch = CrashBatches.batchOf(p.id());
        assertThat(p.withLastUpdateOn(0)).as("cycle %d: peer %d", cycle, p.id())
            .isEqualTo(CrashBatches.peer(p.id()));
        perBatch.merge(batch, 1, Integer::sum);
      });
      session = s.session();
    }
    for (long b = 0; b <= lastAck; b++) {
      assertThat(perBatch.get(b)).as("cycle %d: acknowledged batch %d", cycle, b)
          .isEqualTo(CrashBatches.SIZE);
    }
    long lastPresent = perBatch.isEmpty() ? -1 : ((TreeMap<Long, Integer>) perBatch).lastKey();
    assertThat(lastPresent).as("cycle %d: at most the batch being written is beyond the "
        + "acknowledged ones", cycle).isBetween(lastAck, Math.max(lastAck, next - 1) + 1);
    assertThat(perBatch).as("cycle %d: batches 0..%d, none missing", cycle, lastPresent)
        .hasSize((int) (lastPresent + 1));
    perBatch.forEach((b, n) -> assertThat(n).as("cycle %d: batch %d is whole", cycle, b)
        .isEqualTo(CrashBatches.SIZE));
    figures.unacknowledgedButWhole += (int) (lastPresent - Math.max(lastAck, next - 1));
    figures.batchesVerified += perBatch.size();
    long row = session.userId() == null ? -1 : session.userId();
    boolean unchanged = row == progress[2];
    boolean written = row >= next && row >= lastPresent - 1 && row <= lastPresent;
    assertThat(row >= lastAck && (unchanged || written)).as("cycle %d: the session row names "
        + "batch %d; expected the last written (%d) or the one before, at least the last "
        + "acknowledged (%d), or the earlier row (%d)", cycle, row, lastPresent, lastAck,
        progress[2]).isTrue();
    if (row >= 0) {
      assertThat(session).isEqualTo(CrashBatches.session(CrashBatches.key(SEED), row));
    }
    assertThat(SqliteDump.integrity(file)).as("cycle %d: integrity", cycle).isEqualTo("ok");
    assertThat(Files.exists(SessionLockFiles.of(file))).as("the lock is gone after close")
        .isFalse();
    progress[0] = lastPresent + 1;
    progress[2] = row;
  }
}
