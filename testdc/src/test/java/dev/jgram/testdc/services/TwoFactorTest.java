package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.srp.SrpAlgorithm;
import dev.jgram.mtproto.srp.SrpAnswer;
import dev.jgram.mtproto.srp.SrpClient;
import dev.jgram.mtproto.srp.SrpParameters;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.LoginEvent;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoFactorTest {
  static final String PHONE = "15550007777";
  static final String PASSWORD = "correct horse battery staple";
  static final long KEY = 0x2FA2FAL;

  @TempDir
  Path dir;

  /** Sends the code and signs in, which must ask for the password. */
  private static void signInUntilPasswordNeeded(Cluster cluster, long key) {
    String hash = cluster.result(1, key, Queries.sendCode(PHONE)).string("phone_code_hash");
    String code = cluster.services.loginCode(PHONE).orElseThrow();
    assertThat(cluster.error(1, key, Queries.signIn(PHONE, hash, code)))
        .isEqualTo("401 SESSION_PASSWORD_NEEDED");
    assertThat(cluster.services.userOf(key)).isEmpty();
  }

  private static SrpAnswer answer(TlObject password, String guess) {
    TlObject algo = password.object("current_algo");
    SrpParameters parameters = new SrpParameters(new SrpAlgorithm((byte[]) algo.get("salt1"),
        (byte[]) algo.get("salt2"), algo.intValue("g"), (byte[]) algo.get("p")),
        (byte[]) password.get("srp_B"), password.longValue("srp_id"));
    Random random = new Random(3);
    RandomSource source = random::nextBytes;
    return SrpClient.answer(guess, parameters, source);
  }

  private static TlObject check(SrpAnswer answer) {
    return TlObject.of("auth.checkPassword", "password", TlObject.of("inputCheckPasswordSRP",
        "srp_id", answer.srpId(), "A", answer.a(), "M1", answer.m1()));
  }

  @Test
  void userWithAPasswordLogsInThroughSrp() {
    try (Cluster cluster = new Cluster()) {
      long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword(PASSWORD));
      signInUntilPasswordNeeded(cluster, KEY);

      TlObject password = cluster.result(1, KEY, TlObject.of("account.getPassword"));
      assertThat(password.name()).isEqualTo("account.password");
      assertThat(password.flag("has_password")).isTrue();
      TlObject algo = password.object("current_algo");
      assertThat(algo.name()).isEqualTo(
          "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow");
      assertThat(algo.intValue("g")).isEqualTo(3);
      assertThat(new BigInteger(1, (byte[]) algo.get("p"))).isEqualTo(DhChecks.TELEGRAM_PRIME);
      assertThat((byte[]) algo.get("salt1")).hasSize(8 + SrpAlgorithm.SALT1_EXTENSION);
      assertThat((byte[]) password.get("srp_B")).hasSize(256);

      TlObject authorization = cluster.result(1, KEY, check(answer(password, PASSWORD)));

      assertThat(authorization.object("user").longValue("id")).isEqualTo(id);
      assertThat(cluster.services.userOf(KEY)).hasValue(id);
      assertThat(cluster.logins).containsExactly(new LoginEvent(1, KEY, id, false));
    }
  }

  @Test
  void wrongPasswordAndReusedSrpIdAreRefused() {
    try (Cluster cluster = new Cluster()) {
      cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword(PASSWORD));
      signInUntilPasswordNeeded(cluster, KEY);
      TlObject password = cluster.result(1, KEY, TlObject.of("account.getPassword"));

      assertThat(cluster.error(1, KEY, check(answer(password, "wrong"))))
          .isEqualTo("400 PASSWORD_HASH_INVALID");
      assertThat(cluster.error(1, KEY, check(answer(password, PASSWORD))))
          .isEqualTo("400 SRP_ID_INVALID");

      TlObject fresh = cluster.result(1, KEY, TlObject.of("account.getPassword"));
      assertThat(fresh.longValue("srp_id")).isNotEqualTo(password.longValue("srp_id"));
      cluster.result(1, KEY, check(answer(fresh, PASSWORD)));
    }
  }

  @Test
  void emptyCheckIsPasswordHashInvalidAndUnknownKeysAreUnregistered() {
    try (Cluster cluster = new Cluster()) {
      cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword(PASSWORD));
      signInUntilPasswordNeeded(cluster, KEY);
      cluster.result(1, KEY, TlObject.of("account.getPassword"));

      assertThat(cluster.error(1, KEY, TlObject.of("auth.checkPassword",
          "password", TlObject.of("inputCheckPasswordEmpty"))))
          .isEqualTo("400 PASSWORD_HASH_INVALID");
      assertThat(cluster.error(1, KEY + 1, TlObject.of("account.getPassword")))
          .isEqualTo("401 AUTH_KEY_UNREGISTERED");
    }
  }

  @Test
  void passwordChangedSinceTheChallengeIsSrpPasswordChanged() {
    try (Cluster cluster = new Cluster()) {
      cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword(PASSWORD));
      signInUntilPasswordNeeded(cluster, KEY);
      TlObject password = cluster.result(1, KEY, TlObject.of("account.getPassword"));

      cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword("another one"));

      assertThat(cluster.error(1, KEY, check(answer(password, PASSWORD))))
          .isEqualTo("400 SRP_PASSWORD_CHANGED");
    }
  }

  @Test
  void accountWithoutAPasswordOffersOnlyTheAlgorithmsForANewOne() {
    try (Cluster cluster = new Cluster()) {
      cluster.services.addUser(UserSpec.ofPhone(PHONE));
      cluster.loginUser(1, KEY, PHONE);

      TlObject password = cluster.result(1, KEY, TlObject.of("account.getPassword"));

      assertThat(password.flag("has_password")).isFalse();
      assertThat(password.has("current_algo")).isFalse();
      assertThat(password.object("new_algo").intValue("g")).isEqualTo(3);
      assertThat(password.object("new_secure_algo").name())
          .isEqualTo("securePasswordKdfAlgoPBKDF2HMACSHA512iter100000");
      assertThat((byte[]) password.get("secure_random")).hasSize(32);
    }
  }

  @Test
  void verifierSurvivesARestartAndThePasswordIsNeverStored() throws Exception {
    try (Cluster before = new Cluster(dir, 1)) {
      before.services.addUser(UserSpec.parse(PHONE + "@1:" + PASSWORD));
    }
    assertThat(Files.readString(dir.resolve(Journal.FILE_NAME)))
        .doesNotContain(PASSWORD).doesNotContain("correct+horse");

    try (Cluster after = new Cluster(dir, 2)) {
      signInUntilPasswordNeeded(after, KEY);
      TlObject password = after.result(1, KEY, TlObject.of("account.getPassword"));
      after.result(1, KEY, check(answer(password, PASSWORD)));
      assertThat(after.services.userOf(KEY)).isPresent();
    }
  }
}
