package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** info, peers, check and export never change a file, and leave no -wal, -shm or lock behind. */
class ReadOnlyTest {
  @TempDir Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pyrogram-v3-user", "pyrogram-v3-fresh", "pyrogram-v2-v1.4.0",
      "pyrogram-v1-v0.15.1", "pyrofork-v4-user", "kurigram-v6-user"})
  void inspectingLeavesTheBytesAndTheDirectoryUnchanged(String base) throws IOException {
    Path file = Fixtures.copy(base + ".session", dir);
    String before = Fixtures.sha256(file);
    List<String> filesBefore = listing();

    int[] codes = {
      jgram("info", file.toString()).exitCode(),
      jgram("info", "--json", file.toString()).exitCode(),
      jgram("peers", file.toString()).exitCode(),
      jgram("peers", "--json", file.toString()).exitCode(),
      jgram("peers", file.toString(), "--id", "111111111").exitCode(),
      jgram("check", file.toString()).exitCode(),
      jgram("export", file.toString()).exitCode(),
    };

    assertThat(codes[0]).isZero();
    assertThat(codes[5]).isZero();
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listing()).isEqualTo(filesBefore).containsExactly(base + ".session");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pyrogram-v3-user", "kurigram-v6-user"})
  void inspectingAWalModeFileLeavesNoWalOrShmBehind(String base) throws Exception {
    Path file = Fixtures.copy(base + ".session", dir);
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
    }
    assertThat(listing()).containsExactly(base + ".session");
    String before = Fixtures.sha256(file);

    assertThat(jgram("info", file.toString()).exitCode()).isZero();
    assertThat(jgram("peers", file.toString()).exitCode()).isZero();
    assertThat(jgram("check", file.toString()).exitCode()).isZero();

    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listing()).containsExactly(base + ".session");
  }
}
