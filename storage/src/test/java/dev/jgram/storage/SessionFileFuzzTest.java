package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jgram.storage.format.SessionFormats;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile session files: seeded damage to copies of the Pyrogram, pyrofork and kurigram
 * fixtures ({@link FileMutations}). Opening one either succeeds (and then every read and
 * write answers or throws a {@link StorageException}) or fails with a documented
 * {@link StorageException} ({@link InvalidSessionFileException}, {@link SchemaTooNewException})
 * that leaves the file byte-for-byte as it was and nothing beside it; never another
 * exception, a hang or an OutOfMemoryError. {@code -Djgram.fuzz.scale=10} for more files.
 */
class SessionFileFuzzTest {
  static final List<String> FIXTURES = List.of("pyrogram-v3-user.session",
      "pyrogram-v3-fresh.session", "pyrogram-v2-v1.4.0.session", "pyrogram-v1-v0.15.1.session",
      "pyrofork-v4-user.session", "kurigram-v6-user.session");
  static final int FILES = 1_000 * SessionStringFuzzTest.SCALE;
  static final int BATCH = 50;

  @TempDir
  Path dir;

  @Test
  void mutatedSessionFilesOpenOrAreRefusedUntouchedWithATypedException() {
    FileMutations mutations = new FileMutations(0xf11e5L);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int start = 0; start < FILES; start += BATCH) {
      int from = start;
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        for (int i = from; i < Math.min(FILES, from + BATCH); i++) {
          outcomes.merge(one(i, mutations), 1, Integer::sum);
        }
      }, () -> "a batch of mutated files from " + from + " did not finish: a hang");
    }
    System.out.println("fuzz session files: " + FILES + " mutated files, outcomes " + outcomes);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FILES);
    assertThat(outcomes.keySet()).as("both outcomes occur").anyMatch(k -> k.startsWith("opened"))
        .anyMatch(k -> k.startsWith("refused"));
  }

  @Test
  void mutatedTelethonAndPyrogramFilesAreDetectedOrRefusedAndNeverChanged() {
    FileMutations mutations = new FileMutations(0xde7ec7L);
    Map<String, Integer> outcomes = new TreeMap<>();
    int files = DETECTED_FILES;
    for (int start = 0; start < files; start += BATCH) {
      int from = start;
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        for (int i = from; i < Math.min(files, from + BATCH); i++) {
          outcomes.merge(detectOne(i, mutations), 1, Integer::sum);
        }
      }, () -> "a batch of mutated files from " + from + " did not finish: a hang");
    }
    System.out.println("fuzz SessionFormats.detect(Path): " + files + " mutated files, outcomes "
        + outcomes);
    assertThat(outcomes.keySet()).anyMatch(k -> k.startsWith("detected"))
        .anyMatch(k -> k.startsWith("refused"));
  }

  static final int DETECTED_FILES = 300 * SessionStringFuzzTest.SCALE;

  private String detectOne(int index, FileMutations mutations) throws IOException {
    Path caseDir = Files.createDirectory(dir.resolve("detect" + index));
    boolean telethon = index % 2 == 0;
    String fixture = telethon ? "telethon-v7-user.session" : FIXTURES.get(index % FIXTURES.size());
    Path file = telethon ? SqliteDump.copyResource("/fixtures/interop/" + fixture,
        caseDir.resolve(fixture)) : Fixtures.copy(fixture, caseDir);
    String what = "detect case " + index + " (" + fixture + ", " + mutations.mutate(file) + ")";
    Files.deleteIfExists(SqliteFiles.sibling(file, "-journal"));
    String before = SqliteDump.sha256(file);
    List<String> listing = SqliteDump.listing(caseDir);
    String outcome;
    try {
      outcome = "detected " + SessionFormats.detect(file).format();
    } catch (InvalidSessionFileException | InvalidSessionStringException e) {
      assertThat(e.getMessage()).as(what).isNotBlank();
      outcome = "refused " + e.getClass().getSimpleName();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(what + ": detect threw " + e, e);
    }
    assertThat(SqliteDump.sha256(file)).as(what + ": detection changed the file").isEqualTo(before);
    assertThat(SqliteDump.listing(caseDir)).as(what + ": detection left files").isEqualTo(listing);
    delete(caseDir);
    return outcome;
  }

  /** One mutated file; returns the outcome's name. */
  private String one(int index, FileMutations mutations) throws IOException {
    Path caseDir = Files.createDirectory(dir.resolve("case" + index));
    String fixture = FIXTURES.get(index % FIXTURES.size());
    Path file = Fixtures.copy(fixture, caseDir);
    String damage = mutations.mutate(file);
    if (index % 5 == 0) {
      damage += " + " + mutations.mutate(file);
    }
    Files.deleteIfExists(SqliteFiles.sibling(file, "-journal"));
    String what = "case " + index + " (" + fixture + ", " + damage + ")";
    String before = SqliteDump.sha256(file);
    List<String> listing = SqliteDump.listing(caseDir);
    Storage storage = Storage.file(file);
    String outcome;
    try {
      storage.open();
      outcome = "opened";
    } catch (StorageException e) {
      if (e instanceof SessionLockedException) {
        fail(what + ": refused as locked: " + e.getMessage());
      }
      assertThat(SqliteDump.sha256(file)).as(what + ": a failed open changed the file ("
          + e.getMessage() + ")").isEqualTo(before);
      assertThat(SqliteDump.listing(caseDir)).as(what + ": a failed open left files beside it")
          .isEqualTo(listing);
      assertThat(e.getMessage()).as(what + ": the refusal names the file").contains(file.toString());
      outcome = "refused " + e.getClass().getSimpleName();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(what + ": open threw " + e, e);
    }
    if (outcome.equals("opened")) {
      outcome = use(storage, what);
    }
    delete(caseDir);
    return outcome;
  }

  /** Every read and a write on an opened damaged file: answers or StorageExceptions only. */
  private static String use(Storage storage, String what) {
    int failures = 0;
    List<Runnable> calls = List.of(storage::session, storage::peerCount,
        () -> storage.forEachPeer(p -> { }), () -> storage.peer(1),
        () -> storage.peerById(1), () -> storage.peerByUsername("user"),
        () -> storage.peerByPhoneNumber("100"), storage::updateState, storage::allChannelPts,
        storage::keyRevocation,
        () -> storage.updatePeers(List.of(Peer.of(5, 5L, PeerType.USER, List.of("u5"), "5"))),
        () -> storage.session(Session.EMPTY.withUserId(5L)), storage::save);
    for (Runnable call : calls) {
      try {
        call.run();
      } catch (PeerNotFoundException e) {
        // an answer: the damaged file has no such peer
      } catch (StorageException e) {
        failures++;
      } catch (RuntimeException | Error e) {
        throw new AssertionError(what + ": a call on the opened file threw " + e, e);
      }
    }
    try {
      storage.close();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": close threw " + e, e);
    }
    return failures == 0 ? "opened" : "opened, some calls refused";
  }

  private static void delete(Path caseDir) {
    try (var files = Files.walk(caseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
