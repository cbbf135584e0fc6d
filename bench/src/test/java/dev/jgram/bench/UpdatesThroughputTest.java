package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The updates scenario runs end to end at a small N (a smoke test; no figure is checked).
 * {@code -Dupdates.n=100000} runs it at full size and prints the figures, through the services
 * and with direct pushes.
 */
class UpdatesThroughputTest {
  @TempDir
  Path dir;

  @Test
  void everyPushedUpdateReachesTheHandlerAndTheStoredState() throws Exception {
    int n = Integer.getInteger("updates.n", 500);
    for (boolean direct : new boolean[] {false, true}) {
      Path workdir = java.nio.file.Files.createDirectories(dir.resolve("direct-" + direct));
      UpdatesThroughput.Result r = UpdatesThroughput.run(n, workdir, direct);
      System.out.printf("updates scenario%s: %d updates in %.3f s, %.0f/s (sent in %.3f s)%n",
          direct ? " (direct pushes)" : "", r.updates(), r.seconds(), r.perSecond(),
          r.sendSeconds());
      assertThat(r.updates()).isEqualTo(n);
      assertThat(r.seconds()).isPositive();
    }
  }
}
