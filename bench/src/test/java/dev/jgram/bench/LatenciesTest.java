package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverTheSortedCalls() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000L;
    }
    Latencies l = Latencies.of(nanos);
    assertThat(l.percentileMicros(50)).isEqualTo(50.0);
    assertThat(l.percentileMicros(99)).isEqualTo(99.0);
    assertThat(l.percentileMicros(100)).isEqualTo(100.0);
  }

  @Test
  void aSingleCallIsEveryPercentile() {
    Latencies l = Latencies.of(new long[] {2_500});
    assertThat(l.percentileMicros(50)).isEqualTo(2.5);
    assertThat(l.percentileMicros(99)).isEqualTo(2.5);
  }

  @Test
  void noCallsIsAnError() {
    assertThatThrownBy(() -> Latencies.of(new long[0]))
        .hasMessage("no latencies were measured");
  }
}
