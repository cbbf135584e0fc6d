package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JMH lookups measure what they say: hits find a peer, misses find none. */
class LookupBenchmarkTest {
  @ParameterizedTest
  @ValueSource(strings = {"file", "memory"})
  void hitsFindAPeerAndMissesFindNone(String engine) {
    LookupBenchmark b = new LookupBenchmark();
    b.engine = engine;
    b.peers = 2_000;
    b.setUp();
    try {
      for (int i = 0; i < 300; i++) {
        assertThat(b.byId()).isInstanceOf(InputPeer.class);
        assertThat(b.byUsername()).isInstanceOf(InputPeer.class);
        assertThat(b.byPhone()).isInstanceOf(InputPeer.class);
        assertThat(b.byMissingId()).isInstanceOf(PeerNotFoundException.class);
        assertThat(b.byMissingUsername()).isInstanceOf(PeerNotFoundException.class);
        assertThat(b.byMissingPhone()).isInstanceOf(PeerNotFoundException.class);
      }
    } finally {
      b.tearDown();
    }
  }
}
