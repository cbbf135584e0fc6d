package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PqFactorizerTest {

  @ParameterizedTest(name = "{0} = {1} * {2}")
  @CsvSource({
      // core.telegram.org samples-auth_key, current page
      "2694724800268887959, 1513098571, 1780931429",
      // core.telegram.org samples-auth_key, earlier version of the page: pq 0x17ED48941A08F981,
      // p 0x494C553B, q 0x53911073 (as quoted by many public test suites)
      "1724114033281923457, 1229739323, 1402015859",
      // grammers lib/grammers-crypto/src/factorize.rs tests
      "1470626929934143021, 1206429347, 1218991343",
      "2363612107535801713, 1518968219, 1556064227",
      // grammers authentication.rs transcript: pq 0x19546f942a11278d, p 0x44b2e50d, q 0x5e63ac81
      "1825206431143503757, 1152574733, 1583590529"})
  void publishedPqSplitsIntoItsFactors(long pq, long p, long q) {
    assertThat(Math.multiplyExact(p, q)).isEqualTo(pq);
    assertThat(PqFactorizer.factorize(pq)).isEqualTo(new PqFactorizer.Factors(p, q));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 25).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomProductsOfTwo31BitPrimesSplit(int seed) {
    Random random = new Random(seed);
    long p = BigInteger.probablePrime(31, random).longValueExact();
    long q = BigInteger.probablePrime(31, random).longValueExact();
    PqFactorizer.Factors factors = PqFactorizer.factorize(p * q);
    assertThat(factors.p()).isEqualTo(Math.min(p, q));
    assertThat(factors.q()).isEqualTo(Math.max(p, q));
  }
}
