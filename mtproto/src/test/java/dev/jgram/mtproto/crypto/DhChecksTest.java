package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.SecurityCheckException;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DhChecksTest {
  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(2048 - 64);

  @Test
  void telegramPrimeIsA2048BitSafePrime() {
    assertThat(P.bitLength()).isEqualTo(2048);
    assertThat(P.isProbablePrime(64)).isTrue();
    assertThat(P.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(64)).isTrue();
  }

  @Test
  void telegramPrimeWithGeneratorThreePasses() {
    assertThatCode(() -> DhChecks.checkPrimeAndGenerator(P, 3)).doesNotThrowAnyException();
  }

  @Test
  void telegramPrimeFailsTheResidueRuleForGeneratorTwo() {
    // p mod 8 is 3 for this prime, so 2 is not a quadratic residue generator of the subgroup
    assertThat(P.mod(BigInteger.valueOf(8)).intValue()).isEqualTo(3);
    assertThatThrownBy(() -> DhChecks.checkPrimeAndGenerator(P, 2))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("g = 2 does not generate the subgroup of order (p-1)/2 for this dh_prime");
  }

  @Test
  void otherSafePrimeTakesTheSlowPathAndPasses() {
    // 2^2048 - 1942289 is not a safe prime; build one: the RFC 3526 2048-bit MODP prime
    BigInteger modp = new BigInteger(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
        + "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6"
        + "B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48"
        + "361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9"
        + "804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2B"
        + "CBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF", 16);
    // p mod 8 = 7 for the MODP prime, so g = 2 is valid there
    assertThatCode(() -> DhChecks.checkPrimeAndGenerator(modp, 2)).doesNotThrowAnyException();
  }

  @Test
  void primeThatIsNotSafeIsRejected() {
    BigInteger notSafe = firstPrimeAbove(BigInteger.ONE.shiftLeft(2047), false);
    assertThatThrownBy(() -> DhChecks.checkPrimeAndGenerator(notSafe, 4))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("dh_prime is not a safe prime: (p-1)/2 is not prime");
  }

  @Test
  void compositeIsRejected() {
    assertThatThrownBy(() -> DhChecks.checkPrimeAndGenerator(P.add(BigInteger.TWO), 3))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("dh_prime is not prime");
  }

  @Test
  void shortPrimeIsRejected() {
    assertThatThrownBy(() -> DhChecks.checkPrimeAndGenerator(BigInteger.valueOf(23), 2))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("dh_prime has 5 bits; expected 2048");
  }

  @Test
  void generatorOutsideTwoToSevenIsRejected() {
    assertThatThrownBy(() -> DhChecks.checkPrimeAndGenerator(P, 8))
        .isInstanceOf(SecurityCheckException.class).hasMessage("g = 8; expected 2 to 7");
  }

  @Test
  void gaInsideTheMarginsPasses() {
    BigInteger ga = BigInteger.valueOf(3).modPow(new BigInteger(2000, new Random(1)), P);
    assertThatCode(() -> DhChecks.checkPublicValue("g_a", ga, P)).doesNotThrowAnyException();
  }

  @Test
  void gaOfOneOrPMinusOneIsOutOfRange() {
    assertThatThrownBy(() -> DhChecks.checkPublicValue("g_a", BigInteger.ONE, P))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("g_a out of range: expected 1 < g_a < p-1");
    assertThatThrownBy(() -> DhChecks.checkPublicValue("g_a", P.subtract(BigInteger.ONE), P))
        .hasMessage("g_a out of range: expected 1 < g_a < p-1");
  }

  @Test
  void gbWithinTheSafetyMarginOfEitherEndIsOutOfRange() {
    assertThatThrownBy(() -> DhChecks.checkPublicValue("g_b", MARGIN, P))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("g_b out of range: expected 2^(2048-64) < g_b < p - 2^(2048-64)");
    assertThatThrownBy(() -> DhChecks.checkPublicValue("g_b", P.subtract(MARGIN), P))
        .hasMessage("g_b out of range: expected 2^(2048-64) < g_b < p - 2^(2048-64)");
    assertThatCode(() -> DhChecks.checkPublicValue("g_b", MARGIN.add(BigInteger.ONE), P))
        .doesNotThrowAnyException();
  }

  private static BigInteger firstPrimeAbove(BigInteger start, boolean safe) {
    BigInteger candidate = start.nextProbablePrime();
    while (safe != candidate.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(32)) {
      candidate = candidate.nextProbablePrime();
    }
    return candidate;
  }
}
