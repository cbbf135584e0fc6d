package dev.jgram.mtproto.srp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client against server over seeded random passwords. Each case runs PBKDF2 with the fixed
 * 100000 iterations three times (verifier, right and wrong answer), so the count stays at 20.
 */
class SrpRoundTripTest {
  /** Code point ranges mixed into passwords: ASCII, Cyrillic, CJK, emoji, combining marks. */
  private static final int[][] RANGES = {
      {0x20, 0x7e}, {0x0410, 0x044f}, {0x4e00, 0x9fff}, {0x1f600, 0x1f64f}, {0x0300, 0x036f}};

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void serverAcceptsTheRightPasswordAndRefusesAnother(int seed) {
    Random random = new Random(seed);
    RandomSource source = random::nextBytes;
    String password = password(random);
    String other = mutated(password, random);
    SrpVerifier verifier = SrpVerifier.create(password, SrpAlgorithm.generate(source), source);

    SrpChallenge right = SrpServer.challenge(verifier, random.nextLong(), source);
    SrpChallenge wrong = SrpServer.challenge(verifier, random.nextLong(), source);

    assertThat(right.check(SrpClient.answer(password, right.parameters(), source)))
        .as("password %s", password).isEqualTo(SrpOutcome.ACCEPTED);
    assertThat(wrong.check(SrpClient.answer(other, wrong.parameters(), source)))
        .as("password %s tried as %s", password, other)
        .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
  }

  @Test
  void precomposedAndDecomposedAccentsAreDifferentPasswords() {
    RandomSource source = new Random(21)::nextBytes;
    SrpVerifier verifier = SrpVerifier.create("caf\u00e9", SrpAlgorithm.generate(source), source);
    SrpChallenge challenge = SrpServer.challenge(verifier, 1, source);

    assertThat(challenge.check(SrpClient.answer("cafe\u0301", challenge.parameters(), source)))
        .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
  }

  @Test
  void textAndItsUtf8BytesAreTheSamePassword() {
    String password = "\u043f\u0430\u0440\u043e\u043b\u044c \u5bc6\u7801 \ud83d\udd11";
    RandomSource source = new Random(22)::nextBytes;
    SrpVerifier fromText = SrpVerifier.create(password, SrpAlgorithm.generate(source),
        new Random(23)::nextBytes);
    SrpChallenge challenge = SrpServer.challenge(fromText, 1, source);
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);

    assertThat(utf8).hasSize(6 * 2 + 1 + 2 * 3 + 1 + 4);
    assertThat(challenge.check(SrpClient.answer(utf8, challenge.parameters(), source)))
        .isEqualTo(SrpOutcome.ACCEPTED);
  }

  /** 1 to 16 code points from the ranges; a combining mark only after a base character. */
  static String password(Random random) {
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(16);
    while (out.codePointCount(0, out.length()) < length) {
      int[] range = RANGES[random.nextInt(RANGES.length)];
      if (range[0] == 0x0300 && out.length() == 0) {
        continue;
      }
      out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return out.toString();
  }

  /** The password with one code point replaced by a different one, or one appended. */
  private static String mutated(String password, Random random) {
    int[] points = password.codePoints().toArray();
    int at = random.nextInt(points.length + 1);
    if (at == points.length) {
      return password + "x";
    }
    points[at] = points[at] == 'a' ? 'b' : 'a';
    return new String(points, 0, points.length);
  }
}
