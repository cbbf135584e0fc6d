package dev.jgram.mtproto.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jgram.mtproto.RandomSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No toString and no exception message shows the password, x or v. */
class SrpSecretsTest {
  private static final String PASSWORD = "s3cret \u043f\u0430\u0440\u043e\u043b\u044c \ud83d\udd12";
  private static final RandomSource RANDOM = new Random(31)::nextBytes;
  private static final SrpVerifier VERIFIER =
      SrpVerifier.create(PASSWORD, SrpAlgorithm.generate(RANDOM), RANDOM);
  private static final PasswordHash HASH = PasswordHash.compute(PASSWORD, VERIFIER.algorithm());

  @Test
  void toStringsShowNoSecret() {
    SrpChallenge challenge = SrpServer.challenge(VERIFIER, 5, RANDOM);
    SrpAnswer answer = SrpClient.answer(PASSWORD, challenge.parameters(), RANDOM);
    challenge.check(answer);

    List<String> texts = List.of(HASH.toString(), VERIFIER.toString(), challenge.toString(),
        answer.toString(), challenge.parameters().toString(), VERIFIER.algorithm().toString());

    assertThat(HASH.toString()).startsWith("PasswordHash[x=secret, algorithm=SrpAlgorithm[");
    assertThat(VERIFIER.toString()).startsWith("SrpVerifier[v=secret, algorithm=");
    assertThat(challenge.toString()).isEqualTo("SrpChallenge[srpId=5, used=true, b=secret]");
    assertThat(answer.toString()).isEqualTo("SrpAnswer[srpId=5, A=256 bytes, M1=32 bytes]");
    assertNoSecret(texts, HexFormat.of().formatHex(answer.m1()));
  }

  @Test
  void exceptionMessagesShowNoSecret() {
    SrpParameters good = SrpServer.challenge(VERIFIER, 6, RANDOM).parameters();
    SrpAlgorithm badG = new SrpAlgorithm(good.algorithm().salt1(), good.algorithm().salt2(), 2,
        good.algorithm().p());
    SrpAlgorithm otherSalt = new SrpAlgorithm(new byte[] {9}, good.algorithm().salt2(), 3,
        good.algorithm().p());
    List<Throwable> thrown = new ArrayList<>();
    thrown.add(catchThrowable(() -> SrpClient.answer(PASSWORD,
        new SrpParameters(badG, good.srpB(), 6), RANDOM)));
    thrown.add(catchThrowable(() -> SrpClient.answer(PASSWORD,
        new SrpParameters(good.algorithm(), new byte[] {1}, 6), RANDOM)));
    thrown.add(catchThrowable(() -> SrpClient.answer(HASH,
        new SrpParameters(otherSalt, good.srpB(), 6), RANDOM)));
    thrown.add(catchThrowable(() -> SrpClient.answer(HASH, good, RandomSource.zeros())));
    thrown.add(catchThrowable(() -> SrpVerifier.create(PASSWORD, badG, RANDOM)));
    thrown.add(catchThrowable(() -> SrpVerifier.of(VERIFIER.algorithm(),
        SrpMath.pad(VERIFIER.algorithm().prime().add(BigInteger.ONE)))));

    assertThat(thrown).doesNotContainNull();
    assertNoSecret(thrown.stream().map(Throwable::toString).toList(), "");
  }

  private static void assertNoSecret(List<String> texts, String alsoForbidden) {
    HexFormat hex = HexFormat.of();
    List<String> secrets = new ArrayList<>(List.of(PASSWORD, "s3cret", hex.formatHex(HASH.x()),
        hex.formatHex(HASH.x()).toUpperCase(), new BigInteger(1, HASH.x()).toString(),
        hex.formatHex(VERIFIER.v()), VERIFIER.value().toString(),
        VERIFIER.value().toString(16)));
    if (!alsoForbidden.isEmpty()) {
      secrets.add(alsoForbidden);
    }
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
