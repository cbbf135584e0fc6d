package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The updates scenario runs end to end at a small N (a smoke test; no figure is checked).
 * {@code -Dupdates.n=100000} runs it at full size and prints the figure.
 */
class UpdatesThroughputTest {
  @TempDir
  Path dir;

  @Test
  void everyPushedUpdateReachesTheHandlerAndTheStoredState() throws Exception {
    int n = Integer.getInteger("updates.n", 500);
    UpdatesThroughput.Result r = UpdatesThroughput.run(n, dir);
    System.out.printf("updates scenario: %d updates in %.3f s, %.0f/s (sent in %.3f s)%n",
        r.updates(), r.seconds(), r.perSecond(), r.sendSeconds());
    assertThat(r.updates()).isEqualTo(n);
    assertThat(r.seconds()).isPositive();
  }
}
