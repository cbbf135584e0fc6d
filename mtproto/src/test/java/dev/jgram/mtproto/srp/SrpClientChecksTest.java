package dev.jgram.mtproto.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The client refuses unsafe parameters before it answers (core.telegram.org/api/srp). */
class SrpClientChecksTest {
  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
  private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(2048 - 64);
  private static final Vectors GOTD = Vectors.load("gotd-srp.txt");
  private static final SrpAlgorithm ALGORITHM = new SrpAlgorithm(GOTD.bytes("srp.salt1"),
      GOTD.bytes("srp.salt2"), 3, GOTD.bytes("srp.p"));
  private static final byte[] SRP_B = GOTD.bytes("srp.srp_b");

  @Test
  void generatorTwoFailsTheResidueRuleOfTelegramsPrime() {
    assertRejected(withG(2), SRP_B, SrpException.Reason.PRIME_OR_GENERATOR, "SRP algorithm "
        + "rejected: g = 2 does not generate the subgroup of order (p-1)/2 for this dh_prime");
  }

  @Test
  void generatorOutsideTwoToSevenIsRefused() {
    assertRejected(withG(8), SRP_B, SrpException.Reason.PRIME_OR_GENERATOR,
        "SRP algorithm rejected: g = 8; expected 2 to 7");
    assertRejected(withG(1), SRP_B, SrpException.Reason.PRIME_OR_GENERATOR,
        "SRP algorithm rejected: g = 1; expected 2 to 7");
  }

  @Test
  void primeShorterThan2048BitsIsRefused() {
    SrpAlgorithm tiny = withP(SrpMath.pad(BigInteger.valueOf(47)));
    assertRejected(tiny, new byte[] {5}, SrpException.Reason.PRIME_OR_GENERATOR,
        "SRP algorithm rejected: dh_prime has 6 bits; expected 2048");
  }

  @Test
  void compositeOf2048BitsIsRefused() {
    SrpAlgorithm composite = withP(SrpMath.pad(P.add(BigInteger.TWO)));
    assertRejected(composite, SRP_B, SrpException.Reason.PRIME_OR_GENERATOR,
        "SRP algorithm rejected: dh_prime is not prime");
  }

  @Test
  void srpBOutsideOneToPMinusOneIsRefused() {
    for (BigInteger gB : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE,
        P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE)}) {
      assertRejected(ALGORITHM, gB.toByteArray(), SrpException.Reason.SRP_B,
          "srp_B out of range: expected 1 < srp_B < p-1");
    }
  }

  @Test
  void srpBInsideTheSafetyMarginsIsRefused() {
    for (BigInteger gB : new BigInteger[] {BigInteger.TWO, MARGIN, P.subtract(MARGIN)}) {
      assertRejected(ALGORITHM, gB.toByteArray(), SrpException.Reason.SRP_B,
          "srp_B out of range: expected 2^(2048-64) < srp_B < p - 2^(2048-64)");
    }
  }

  @Test
  void srpBLongerThan256BytesIsRefused() {
    byte[] long257 = new byte[257];
    long257[0] = 1;
    assertRejected(ALGORITHM, long257, SrpException.Reason.SRP_B,
        "srp_B out of range: expected 1 < srp_B < p-1");
  }

  @Test
  void exponentZeroFromABrokenRandomSourceIsRefused() {
    SrpParameters parameters = new SrpParameters(ALGORITHM, SRP_B, 1);
    assertThatThrownBy(() -> SrpClient.answer("123123", parameters, RandomSource.zeros()))
        .isInstanceOfSatisfying(SrpException.class,
            e -> assertThat(e.reason()).isEqualTo(SrpException.Reason.G_A))
        .hasMessage("g_a = g^a mod p is 0, 1 or p-1: the random source gave a degenerate "
            + "exponent a");
  }

  @Test
  void cachedPasswordHashGivesTheSameAnswerAsThePassword() {
    SrpParameters parameters = new SrpParameters(ALGORITHM, SRP_B, 9);
    PasswordHash hash = PasswordHash.compute("123123", ALGORITHM);

    SrpAnswer fromHash = SrpClient.answer(hash, parameters, new Random(3)::nextBytes);
    SrpAnswer fromPassword = SrpClient.answer("123123", parameters, new Random(3)::nextBytes);

    assertThat(fromHash).isEqualTo(fromPassword);
  }

  @Test
  void passwordHashOfAnotherAlgorithmIsRefused() {
    PasswordHash hash = PasswordHash.compute("123123", ALGORITHM);
    SrpAlgorithm other = new SrpAlgorithm(new byte[] {1}, ALGORITHM.salt2(), 3, ALGORITHM.p());
    SrpParameters parameters = new SrpParameters(other, SRP_B, 9);

    assertThatThrownBy(() -> SrpClient.answer(hash, parameters, RandomSource.secure()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the password hash was computed for another algorithm than "
            + "current_algo: expected SrpAlgorithm[salt1=01,");
  }

  private static void assertRejected(SrpAlgorithm algorithm, byte[] srpB,
      SrpException.Reason reason, String message) {
    SrpParameters parameters = new SrpParameters(algorithm, srpB, 1);
    RandomSource neverCalled = out -> {
      throw new AssertionError("drew the exponent a before refusing the parameters");
    };
    assertThatThrownBy(() -> SrpClient.answer("123123", parameters, neverCalled))
        .isInstanceOfSatisfying(SrpException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  private static SrpAlgorithm withG(int g) {
    return new SrpAlgorithm(ALGORITHM.salt1(), ALGORITHM.salt2(), g, ALGORITHM.p());
  }

  private static SrpAlgorithm withP(byte[] p) {
    return new SrpAlgorithm(ALGORITHM.salt1(), ALGORITHM.salt2(), 3, p);
  }
}
