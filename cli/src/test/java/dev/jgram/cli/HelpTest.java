package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo", "info", "peers", "export", "import", "check", "convert"})
  void everyCommandHasHelp(String command) {
    CliRun.Result r = jgram(command, "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Usage: jgram " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "info", "peers", "export", "import", "check", "convert"})
  void theTopLevelHelpListsEveryCommand(String command) {
    CliRun.Result r = jgram("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("(?m)^  " + command + " +\\S");
  }
}
