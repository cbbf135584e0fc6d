package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.LoginEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserLoginTest {
  static final String PHONE = "+1 555 000 1234";
  static final long KEY = 0x0102_0304_0506_0708L;

  final Cluster cluster = new Cluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void registeredUserLogsInWithTheCodeItReceived() {
    long id = cluster.services.addUser(UserSpec.parse("+15550001234@2"));

    TlObject sent = cluster.result(2, KEY, Queries.sendCode(PHONE));
    assertThat(sent.name()).isEqualTo("auth.sentCode");
    assertThat(sent.object("type").name()).isEqualTo("auth.sentCodeTypeApp");
    assertThat(sent.object("type").intValue("length")).isEqualTo(5);
    String code = cluster.services.loginCode("15550001234").orElseThrow();
    assertThat(code).matches("[0-9]{5}");

    TlObject authorization = cluster.result(2, KEY,
        Queries.signIn("15550001234", sent.string("phone_code_hash"), code));
    TlObject user = authorization.object("user");
    assertThat(user.longValue("id")).isEqualTo(id);
    assertThat(user.flag("self")).isTrue();
    assertThat(user.flag("bot")).isFalse();
    assertThat(user.string("first_name")).isEqualTo("User 1234");
    assertThat(user.string("phone")).isEqualTo("15550001234");
    assertThat(cluster.logins).containsExactly(new LoginEvent(2, KEY, id, false));
  }

  @Test
  void fixedCodeIsWhatEveryPhoneReceives() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    cluster.services.fixedLoginCode("12345");

    cluster.result(1, KEY, Queries.sendCode(PHONE));

    assertThat(cluster.services.loginCode("15550001234")).hasValue("12345");
  }

  @Test
  void telegramTestNumbersGetTheirDcDigitFiveTimes() {
    cluster.result(2, KEY, Queries.sendCode("+99966 2 1234"));

    assertThat(cluster.services.loginCode("9996621234")).hasValue("22222");
  }

  @Test
  void wrongEmptyAndExpiredCodesAreRefused() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    String hash = cluster.result(1, KEY, Queries.sendCode(PHONE)).string("phone_code_hash");
    String code = cluster.services.loginCode(PHONE).orElseThrow();
    String wrong = code.equals("00000") ? "11111" : "00000";

    assertThat(cluster.error(1, KEY, Queries.signIn(PHONE, hash, wrong)))
        .isEqualTo("400 PHONE_CODE_INVALID");
    assertThat(cluster.error(1, KEY, Queries.signIn(PHONE, hash, "")))
        .isEqualTo("400 PHONE_CODE_EMPTY");
    assertThat(cluster.error(1, KEY, Queries.signIn(PHONE, "", code)))
        .isEqualTo("400 PHONE_CODE_HASH_EMPTY");
    assertThat(cluster.error(1, KEY, Queries.signIn("15550009999", hash, code)))
        .isEqualTo("400 PHONE_NUMBER_INVALID");
    cluster.clock.advance(Duration.ofSeconds(LoginCodes.LIFETIME_SECONDS + 1));
    assertThat(cluster.error(1, KEY, Queries.signIn(PHONE, hash, code)))
        .isEqualTo("400 PHONE_CODE_EXPIRED");
    assertThat(cluster.services.userOf(KEY)).isEmpty();
  }

  @Test
  void codeIsUsedUpBySignIn() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    String hash = cluster.result(1, KEY, Queries.sendCode(PHONE)).string("phone_code_hash");
    String code = cluster.services.loginCode(PHONE).orElseThrow();
    cluster.result(1, KEY, Queries.signIn(PHONE, hash, code));

    assertThat(cluster.error(1, KEY + 1, Queries.signIn(PHONE, hash, code)))
        .isEqualTo("400 PHONE_CODE_EXPIRED");
  }

  @Test
  void malformedPhoneIsPhoneNumberInvalid() {
    assertThat(cluster.error(1, KEY, Queries.sendCode("call me")))
        .isEqualTo("400 PHONE_NUMBER_INVALID");
    assertThat(cluster.error(1, KEY, Queries.sendCode("123")))
        .isEqualTo("400 PHONE_NUMBER_INVALID");
  }

  @Test
  void unknownPhoneMustSignUpAndThenIsLoggedIn() {
    String phone = "+44 7700 900123";
    TlObject sent = cluster.result(2, KEY, Queries.sendCode(phone));
    assertThat(sent.object("type").name()).isEqualTo("auth.sentCodeTypeSms");
    String hash = sent.string("phone_code_hash");
    String code = cluster.services.loginCode(phone).orElseThrow();

    TlObject signIn = cluster.result(2, KEY, Queries.signIn(phone, hash, code));
    assertThat(signIn.name()).isEqualTo("auth.authorizationSignUpRequired");
    assertThat(cluster.services.userOf(KEY)).isEmpty();

    assertThat(cluster.error(2, KEY, Queries.signUp(phone, hash, " ", "")))
        .isEqualTo("400 FIRSTNAME_INVALID");
    TlObject signUp = cluster.result(2, KEY, Queries.signUp(phone, hash, "Ada", "Lovelace"));
    TlObject user = signUp.object("user");
    assertThat(user.string("first_name")).isEqualTo("Ada");
    assertThat(user.string("last_name")).isEqualTo("Lovelace");
    assertThat(cluster.services.userOf(KEY)).hasValue(user.longValue("id"));
    assertThat(cluster.services.userIdOfPhone("447700900123")).hasValue(user.longValue("id"));
    assertThat(cluster.error(2, KEY, Queries.signUp(phone, hash, "Ada", "")))
        .isEqualTo("400 PHONE_CODE_EXPIRED");
  }

  @Test
  void signUpWithoutAnAcceptedCodeIsRefused() {
    String phone = "+44 7700 900123";
    String hash = cluster.result(2, KEY, Queries.sendCode(phone)).string("phone_code_hash");

    assertThat(cluster.error(2, KEY, Queries.signUp(phone, hash, "Ada", "")))
        .isEqualTo("400 PHONE_CODE_INVALID");
  }

  @Test
  void sendCodeOnAnotherDcThanThePhonesHomeIsPhoneMigrate() {
    cluster.services.addUser(UserSpec.parse(PHONE.replace(" ", "") + "@3"));

    assertThat(cluster.error(1, KEY, Queries.sendCode(PHONE))).isEqualTo("303 PHONE_MIGRATE_3");
  }

  @Test
  void networkMigrateSendsNewNumbersToTheChosenDc() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(1));
    cluster.services.faults().networkMigrate(3);

    assertThat(cluster.error(1, KEY, Queries.sendCode("+44 7700 900123")))
        .isEqualTo("303 NETWORK_MIGRATE_3");
    cluster.result(3, KEY, Queries.sendCode("+44 7700 900123"));
    cluster.result(1, KEY, Queries.sendCode(PHONE));
    cluster.services.faults().networkMigrate(0);
    cluster.result(1, KEY, Queries.sendCode("+44 7700 900123"));
  }

  @Test
  void signInOnAnotherDcThanTheAccountsHomeIsUserMigrate() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(1));
    String hash = cluster.result(1, KEY, Queries.sendCode(PHONE)).string("phone_code_hash");
    String code = cluster.services.loginCode(PHONE).orElseThrow();

    assertThat(cluster.error(2, KEY, Queries.signIn(PHONE, hash, code)))
        .isEqualTo("303 USER_MIGRATE_1");
  }

  @Test
  void phonesAreComparedAsDigits() {
    long id = cluster.services.addUser(UserSpec.ofPhone("15550001234"));

    TlObject authorization = cluster.loginUser(1, KEY, "+1 (555) 000-1234");

    assertThat(authorization.object("user").longValue("id")).isEqualTo(id);
  }
}
