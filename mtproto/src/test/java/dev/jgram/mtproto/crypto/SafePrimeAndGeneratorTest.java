package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** grammers' test_check_p_and_g: the safe prime and residue rules on small primes. */
class SafePrimeAndGeneratorTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-two-factor-auth.txt");

  @Test
  void grammersCorrectPairsPass() {
    List<int[]> pairs = pairs("check_p_and_g.correct");
    assertThat(pairs).hasSize(9);
    for (int[] pair : pairs) {
      assertThatCode(() -> DhChecks.checkSafePrimeAndGenerator(BigInteger.valueOf(pair[0]),
          pair[1])).as("p = %d, g = %d", pair[0], pair[1]).doesNotThrowAnyException();
    }
  }

  @Test
  void grammersIncorrectPairsFail() {
    List<int[]> pairs = pairs("check_p_and_g.incorrect");
    assertThat(pairs).hasSize(7);
    for (int[] pair : pairs) {
      assertThatThrownBy(() -> DhChecks.checkSafePrimeAndGenerator(BigInteger.valueOf(pair[0]),
          pair[1])).as("p = %d, g = %d", pair[0], pair[1])
          .isInstanceOf(SecurityCheckException.class);
    }
  }

  @Test
  void eachIncorrectPairFailsForTheRuleItBreaks() {
    assertThatThrownBy(() -> DhChecks.checkSafePrimeAndGenerator(BigInteger.valueOf(4), 0))
        .hasMessage("dh_prime is not prime");
    assertThatThrownBy(() -> DhChecks.checkSafePrimeAndGenerator(BigInteger.valueOf(13), 0))
        .hasMessage("dh_prime is not a safe prime: (p-1)/2 is not prime");
    assertThatThrownBy(() -> DhChecks.checkSafePrimeAndGenerator(BigInteger.valueOf(11), 2))
        .hasMessage("g = 2 does not generate the subgroup of order (p-1)/2 for this dh_prime");
  }

  private static List<int[]> pairs(String name) {
    return GRAMMERS.raw(name).lines().map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> line.split("\\s+"))
        .map(parts -> new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])})
        .toList();
  }
}
