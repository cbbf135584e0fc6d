package dev.jgram.mtproto.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.crypto.Hashes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The server side: verifiers, challenges and how answers are judged. */
class SrpServerTest {
  private static final String PASSWORD = "hunter2";
  private static final SrpAlgorithm NEW_ALGORITHM = SrpAlgorithm.generate(seeded(1));
  private static final SrpVerifier VERIFIER =
      SrpVerifier.create(PASSWORD, NEW_ALGORITHM, seeded(2));
  private static final PasswordHash HASH = PasswordHash.compute(PASSWORD, VERIFIER.algorithm());
  private static final BigInteger P = DhChecks.TELEGRAM_PRIME;

  @Test
  void generatedAlgorithmUsesTelegramsPrimeAndFreshSalts() {
    assertThat(NEW_ALGORITHM.prime()).isEqualTo(P);
    assertThat(NEW_ALGORITHM.p()).hasSize(256);
    assertThat(NEW_ALGORITHM.g()).isEqualTo(3);
    assertThat(NEW_ALGORITHM.salt1()).hasSize(8);
    assertThat(NEW_ALGORITHM.salt2()).hasSize(16);
    assertThat(SrpAlgorithm.generate(seeded(99)).salt1()).isNotEqualTo(NEW_ALGORITHM.salt1());
    NEW_ALGORITHM.check();
  }

  @Test
  void newVerifierExtendsSalt1WithThirtyTwoRandomBytes() {
    byte[] salt1 = VERIFIER.algorithm().salt1();
    assertThat(salt1).hasSize(8 + 32).startsWith(NEW_ALGORITHM.salt1());
    assertThat(VERIFIER.algorithm().salt2()).isEqualTo(NEW_ALGORITHM.salt2());
    assertThat(VERIFIER.v()).hasSize(256);
    assertThat(SrpVerifier.of(HASH)).isEqualTo(VERIFIER);
  }

  @Test
  void storedVerifierReadsBackEqual() {
    SrpVerifier restored = SrpVerifier.of(VERIFIER.algorithm(), VERIFIER.v());
    assertThat(restored).isEqualTo(VERIFIER).hasSameHashCodeAs(VERIFIER);
  }

  @Test
  void storedVerifierOutOfRangeIsRefused() {
    byte[] p = VERIFIER.algorithm().p();
    assertThatThrownBy(() -> SrpVerifier.of(VERIFIER.algorithm(), p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("verifier v out of range: expected 1 < v < p-1 (256 bytes given)");
    assertThatThrownBy(() -> SrpVerifier.of(VERIFIER.algorithm(), new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void challengeSendsTheVerifiersAlgorithmAFreshSrpBAndTheId() {
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 77, seeded(3));
    SrpParameters parameters = challenge.parameters();

    assertThat(parameters.srpId()).isEqualTo(77).isEqualTo(challenge.srpId());
    assertThat(parameters.algorithm()).isEqualTo(VERIFIER.algorithm());
    assertThat(parameters.srpB()).hasSize(256);
    assertThat(SrpServer.challenge(VERIFIER, 78, seeded(4)).parameters().srpB())
        .isNotEqualTo(parameters.srpB());
  }

  @Test
  void srpBIsKTimesVPlusGToTheB() {
    byte[] b = new byte[256];
    new Random(5).nextBytes(b);
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 1, RandomSource.replaying(b));

    BigInteger k = SrpMath.unsigned(Hashes.sha256(
        SrpMath.pad(P), SrpMath.pad(BigInteger.valueOf(3))));
    BigInteger expected = k.multiply(VERIFIER.value())
        .add(BigInteger.valueOf(3).modPow(SrpMath.unsigned(b), P)).mod(P);
    assertThat(SrpMath.unsigned(challenge.parameters().srpB())).isEqualTo(expected);
  }

  @Test
  void exponentZeroIsDrawnAgain() {
    byte[] good = new byte[256];
    new Random(6).nextBytes(good);
    byte[] zeroThenGood = new byte[512];
    System.arraycopy(good, 0, zeroThenGood, 256, 256);

    SrpChallenge challenge =
        SrpServer.challenge(VERIFIER, 1, RandomSource.replaying(zeroThenGood));

    assertThat(challenge.parameters())
        .isEqualTo(SrpServer.challenge(VERIFIER, 1, RandomSource.replaying(good)).parameters());
  }

  @Test
  void randomSourceOfZerosIsReportedAsBroken() {
    assertThatThrownBy(() -> SrpServer.challenge(VERIFIER, 1, RandomSource.zeros()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the random source gave 16 exponents b in a row with a degenerate g^b or a "
            + "g_b out of range");
  }

  @Test
  void rightPasswordIsAcceptedOnce() {
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 10, seeded(7));
    SrpAnswer answer = SrpClient.answer(HASH, challenge.parameters(), seeded(8));

    assertThat(challenge.used()).isFalse();
    assertThat(challenge.check(answer)).isEqualTo(SrpOutcome.ACCEPTED);
    assertThat(challenge.used()).isTrue();
    assertThat(challenge.check(answer)).isEqualTo(SrpOutcome.SRP_ID_INVALID);
  }

  @Test
  void wrongPasswordIsPasswordHashInvalidAndUsesTheChallengeUp() {
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 11, seeded(9));
    SrpAnswer wrong = SrpClient.answer("hunter3", challenge.parameters(), seeded(10));
    SrpAnswer right = SrpClient.answer(HASH, challenge.parameters(), seeded(11));

    assertThat(challenge.check(wrong)).isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
    assertThat(challenge.check(right)).isEqualTo(SrpOutcome.SRP_ID_INVALID);
  }

  @Test
  void answerForAnotherSrpIdDoesNotUseTheChallenge() {
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 12, seeded(12));
    SrpAnswer answer = SrpClient.answer(HASH, challenge.parameters(), seeded(13));
    SrpAnswer otherId = new SrpAnswer(13, answer.a(), answer.m1());

    assertThat(challenge.check(otherId)).isEqualTo(SrpOutcome.SRP_ID_INVALID);
    assertThat(challenge.used()).isFalse();
    assertThat(challenge.check(answer)).isEqualTo(SrpOutcome.ACCEPTED);
  }

  @Test
  void answerFromOlderParametersIsRefused() {
    SrpChallenge old = SrpServer.challenge(VERIFIER, 14, seeded(14));
    SrpChallenge fresh = SrpServer.challenge(VERIFIER, 14, seeded(15));
    SrpAnswer forOld = SrpClient.answer(HASH, old.parameters(), seeded(16));

    assertThat(fresh.check(forOld)).isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
  }

  @Test
  void degenerateOrOutOfRangeAIsRefused() {
    SrpAnswer valid = SrpClient.answer(HASH,
        SrpServer.challenge(VERIFIER, 20, seeded(17)).parameters(), seeded(18));
    for (BigInteger a : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE,
        P.subtract(BigInteger.ONE), P, P.add(BigInteger.TWO)}) {
      SrpChallenge challenge = SrpServer.challenge(VERIFIER, 20, seeded(17));
      SrpAnswer forged = new SrpAnswer(20, a.toByteArray(), valid.m1());
      assertThat(challenge.check(forged)).as("A = %s", a)
          .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
    }
  }

  @Test
  void alteredOrShortM1IsRefused() {
    SrpChallenge first = SrpServer.challenge(VERIFIER, 21, seeded(19));
    SrpChallenge second = SrpServer.challenge(VERIFIER, 21, seeded(19));
    SrpAnswer answer = SrpClient.answer(HASH, first.parameters(), seeded(20));
    byte[] flipped = answer.m1();
    flipped[31] ^= 1;
    byte[] shortM1 = Arrays.copyOf(answer.m1(), 31);

    assertThat(first.check(new SrpAnswer(21, answer.a(), flipped)))
        .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
    assertThat(second.check(new SrpAnswer(21, answer.a(), shortM1)))
        .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
  }

  @Test
  void outcomeNamesAreTelegramsErrorMessages() {
    assertThat(SrpOutcome.ACCEPTED.accepted()).isTrue();
    assertThat(SrpOutcome.PASSWORD_HASH_INVALID.accepted()).isFalse();
    assertThat(SrpOutcome.SRP_ID_INVALID.name()).isEqualTo("SRP_ID_INVALID");
    assertThat(SrpOutcome.PASSWORD_HASH_INVALID.name()).isEqualTo("PASSWORD_HASH_INVALID");
  }

  static RandomSource seeded(long seed) {
    return new Random(seed)::nextBytes;
  }
}
