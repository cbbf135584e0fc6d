package dev.jgram.mtproto.srp;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every published SRP vector (see vectors/PROVENANCE.md), each through the public API. */
class SrpVectorsTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-two-factor-auth.txt");
  private static final Vectors GOTD = Vectors.load("gotd-srp.txt");
  private static final Vectors MTCUTE = Vectors.load("mtcute-password.txt");

  @Test
  void grammersCalculationsOneMatchOnTheTinyGroup() {
    // p = 47 cannot pass the 2048-bit check, so this drives the formulas directly
    SrpAlgorithm algorithm = algorithm(GRAMMERS, "calculations_1");
    byte[] x = PasswordHash.compute(GRAMMERS.bytes("calculations_1.password"), algorithm).x();
    BigInteger a = SrpMath.unsigned(GRAMMERS.bytes("calculations_1.a"));
    BigInteger gB = SrpMath.unsigned(GRAMMERS.bytes("calculations_1.g_b"));
    BigInteger gA = BigInteger.valueOf(algorithm.g()).modPow(a, algorithm.prime());
    BigInteger s = SrpMath.clientSecret(algorithm, x, a, gB, gA);

    assertThat(hex(SrpMath.pad(gA))).isEqualTo(GRAMMERS.text("calculations_1.g_a"));
    assertThat(hex(SrpMath.proof(algorithm, gA, gB, s)))
        .isEqualTo(GRAMMERS.text("calculations_1.m1"));
  }

  @Test
  void grammersCalculationsTwoMatchThroughTheClient() {
    SrpParameters parameters = new SrpParameters(algorithm(GRAMMERS, "calculations_2"),
        GRAMMERS.bytes("calculations_2.g_b"), 7);
    SrpAnswer answer = SrpClient.answer(GRAMMERS.bytes("calculations_2.password"), parameters,
        RandomSource.replaying(GRAMMERS.bytes("calculations_2.a")));

    assertThat(answer.srpId()).isEqualTo(7);
    assertThat(hex(answer.a())).isEqualTo(GRAMMERS.text("calculations_2.g_a"));
    assertThat(hex(answer.m1())).isEqualTo(GRAMMERS.text("calculations_2.m1"));
  }

  @Test
  void gotdClientCaseMatchesWithTheTextPassword() {
    assertThat(GOTD.bytes("srp.password")).isEqualTo("123123".getBytes());
    SrpParameters parameters = new SrpParameters(algorithm(GOTD, "srp"),
        GOTD.bytes("srp.srp_b"), -5);
    SrpAnswer answer = SrpClient.answer("123123", parameters,
        RandomSource.replaying(GOTD.bytes("srp.a")));

    assertThat(hex(answer.a())).isEqualTo(GOTD.text("srp.g_a"));
    assertThat(hex(answer.m1())).isEqualTo(GOTD.text("srp.m1"));
  }

  @Test
  void gotdNewHashGivesTheVerifierWithTheExtendedSalt() {
    SrpAlgorithm newAlgorithm = algorithm(GOTD, "new_hash");
    SrpVerifier verifier = SrpVerifier.create(GOTD.bytes("new_hash.password"), newAlgorithm,
        RandomSource.zeros());

    assertThat(hex(verifier.algorithm().salt1())).isEqualTo(GOTD.text("new_hash.new_salt1"));
    assertThat(verifier.algorithm().salt2()).isEqualTo(newAlgorithm.salt2());
    assertThat(hex(verifier.v())).isEqualTo(GOTD.text("new_hash.v"));
  }

  @Test
  void gotdVerifierLetsTheServerAcceptTheRightPasswordOnly() {
    SrpAlgorithm extended = new SrpAlgorithm(GOTD.bytes("new_hash.new_salt1"),
        GOTD.bytes("new_hash.salt2"), 3, GOTD.bytes("new_hash.p"));
    SrpVerifier published = SrpVerifier.of(extended, GOTD.bytes("new_hash.v"));
    RandomSource random = new Random(14)::nextBytes;

    SrpChallenge right = SrpServer.challenge(published, 1, random);
    SrpChallenge wrong = SrpServer.challenge(published, 2, random);
    assertThat(right.check(SrpClient.answer("newPassword", right.parameters(), random)))
        .isEqualTo(SrpOutcome.ACCEPTED);
    assertThat(wrong.check(SrpClient.answer("newpassword", wrong.parameters(), random)))
        .isEqualTo(SrpOutcome.PASSWORD_HASH_INVALID);
  }

  @Test
  void mtcutePasswordHashIsX() {
    SrpAlgorithm algorithm = new SrpAlgorithm(MTCUTE.bytes("password_hash.salt1"),
        MTCUTE.bytes("password_hash.salt2"), 3, SrpMath.pad(DhChecks.TELEGRAM_PRIME));
    PasswordHash hash = PasswordHash.compute("qwe123", algorithm);

    assertThat(hex(hash.x())).isEqualTo(MTCUTE.text("password_hash.x"));
  }

  private static SrpAlgorithm algorithm(Vectors vectors, String prefix) {
    return new SrpAlgorithm(vectors.bytes(prefix + ".salt1"), vectors.bytes(prefix + ".salt2"),
        Integer.parseInt(vectors.text(prefix + ".g")), vectors.bytes(prefix + ".p"));
  }
}
