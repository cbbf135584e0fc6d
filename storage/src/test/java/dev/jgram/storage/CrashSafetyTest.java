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
    long next = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle % CYCLES_PER_FILE == 0) {
        file = dir.resolve("crash-" + cycle + ".session");
        next = 0;
      }
      boolean encrypted = (cycle / CYCLES_PER_FILE) % 2 == 1;
      next = cycle(file, next, encrypted, random, figures, cycle);
    }
    System.out.println(figures);
    assertThat(figures.cycles).isEqualTo(CYCLES);
    assertThat(figures.acknowledged).as("children got to write").isPositive();
  }

  /** One child, one kill, one verification; returns the next batch number to write. */
  private long cycle(Path file, long next, boolean encrypted, Random random, Figures figures,
      int cycle) throws Exception {
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
    long lastAck = next - 1;
    for (String line : lines) {
      if (!line.equals("open")) {
        lastAck = Math.max(lastAck, Long.parseLong(line));
        figures.acknowledged++;
      }
    }
    if (lines.contains("open") && Files.exists(SessionLockFiles.of(file))) {
      figures.staleLocks++;
    }
    return verify(file, next, lastAck, encrypted, figures, cycle);
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

  /** Reopens the killed child's file and checks it; returns the next batch to write. */
  private long verify(Path file, long first, long lastAck, boolean encrypted, Figures figures,
      int cycle) {
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
    long firstOfFile = CrashBatches.batchOf(1);
    for (long b = firstOfFile; b <= lastAck; b++) {
      assertThat(perBatch.get(b)).as("cycle %d: acknowledged batch %d", cycle, b)
          .isEqualTo(CrashBatches.SIZE);
      figures.batchesVerified++;
    }
    long lastPresent = perBatch.isEmpty() ? -1 : ((TreeMap<Long, Integer>) perBatch).lastKey();
    assertThat(lastPresent).as("cycle %d: at most one batch beyond the acknowledged", cycle)
        .isBetween(lastAck, lastAck + 1);
    if (lastPresent == lastAck + 1) {
      assertThat(perBatch.get(lastPresent)).as("cycle %d: unacknowledged batch %d is whole or "
          + "absent", cycle, lastPresent).isEqualTo(CrashBatches.SIZE);
      figures.unacknowledgedButWhole++;
      figures.batchesVerified++;
    }
    assertThat(perBatch).as("cycle %d: batch count", cycle).hasSize((int) (lastPresent + 1));
    if (lastPresent >= 0) {
      assertThat(session.userId()).as("cycle %d: the session row is of the last batch or the "
          + "one before (killed between the two writes)", cycle)
          .isBetween(Math.max(lastAck, lastPresent - 1), lastPresent);
      assertThat(session.authKey()).isEqualTo(CrashBatches.key(SEED));
      assertThat(session).isEqualTo(CrashBatches.session(session.authKey(), session.userId()));
    }
    assertThat(SqliteDump.integrity(file)).as("cycle %d: integrity", cycle).isEqualTo("ok");
    assertThat(Files.exists(SessionLockFiles.of(file))).as("the lock is gone after close")
        .isFalse();
    return lastPresent + 1;
  }
}
