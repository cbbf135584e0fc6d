package dev.jgram.storage;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Feeds a decoder seeded mutations of valid inputs, in batches that each must finish within a
 * time bound, and checks that every case ends in a correct decode (judged by an oracle) or in
 * one of the decoder's documented exceptions, whose message never quotes the input.
 */
public final class DecoderFuzz {
  /** Cases per batch; each batch runs under one preemptive timeout. */
  public static final int BATCH = 1_000;

  /** What a run tried and how the cases ended. */
  public record Report(String decoder, int cases, int decoded, int rejected) {
    @Override
    public String toString() {
      return "fuzz " + decoder + ": " + cases + " mutated inputs, " + decoded + " decoded, "
          + rejected + " rejected with a typed exception";
    }
  }

  private final String name;
  private final Function<String, ?> decoder;
  private final List<Class<? extends Throwable>> documented;
  private BiConsumer<String, Object> oracle = (input, result) -> { };
  private Duration batchTimeout = Duration.ofSeconds(60);

  private DecoderFuzz(String name, Function<String, ?> decoder,
      List<Class<? extends Throwable>> documented) {
    this.name = name;
    this.decoder = decoder;
    this.documented = documented;
  }

  /** A fuzz run of {@code decoder}, whose only documented failures are {@code documented}. */
  @SafeVarargs
  public static DecoderFuzz of(String name, Function<String, ?> decoder,
      Class<? extends Throwable>... documented) {
    return new DecoderFuzz(name, decoder, List.of(documented));
  }

  /** Checks each successful decode against the input (throws an AssertionError if wrong). */
  public DecoderFuzz oracle(BiConsumer<String, Object> oracle) {
    this.oracle = oracle;
    return this;
  }

  /** The time bound of each batch of {@value #BATCH} cases. */
  public DecoderFuzz batchTimeout(Duration timeout) {
    this.batchTimeout = timeout;
    return this;
  }

  /** Runs {@code cases} mutations of {@code seeds} (round robin) from {@code seed}. */
  public Report run(List<String> seeds, int cases, long seed) {
    Mutator mutator = new Mutator(seed);
    int[] counts = new int[2];
    for (int start = 0; start < cases; start += BATCH) {
      int from = start;
      int to = Math.min(cases, start + BATCH);
      assertTimeoutPreemptively(batchTimeout, () -> {
        for (int i = from; i < to; i++) {
          String input = i < seeds.size() ? seeds.get(i) : mutator.mutate(seeds.get(i % seeds.size()));
          counts[one(input, i, seed) ? 0 : 1]++;
        }
      }, () -> name + ": a batch of cases " + from + ".." + (to - 1) + " (seed " + seed
          + ") did not finish within " + batchTimeout + ": a hang");
    }
    return new Report(name, cases, counts[0], counts[1]);
  }

  /** One case: true if decoded (and the oracle agreed), false if rejected as documented. */
  private boolean one(String input, int index, long seed) {
    Object result;
    try {
      result = decoder.apply(input);
    } catch (Throwable t) {
      if (documented.stream().noneMatch(c -> c.isInstance(t))) {
        fail(name + ": case " + index + " (seed " + seed + ", " + input.length()
            + " characters) threw " + t.getClass().getName() + ", which is not documented: "
            + t.getMessage(), t);
      }
      checkMessage(t, input, index);
      return false;
    }
    oracle.accept(input, result);
    return true;
  }

  private void checkMessage(Throwable t, String input, int index) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      fail(name + ": case " + index + " was rejected without a message (" + t.getClass() + ")");
    }
    String stripped = PyrogramSessionString.stripWhitespace(input);
    if (stripped.length() >= 48) {
      for (int at : new int[] {0, stripped.length() / 2 - 12, stripped.length() - 24}) {
        if (message.contains(stripped.substring(at, at + 24))) {
          fail(name + ": case " + index + ": the message quotes the input: " + message);
        }
      }
    }
  }
}
