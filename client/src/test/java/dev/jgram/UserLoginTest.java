package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.api.User;
import dev.jgram.net.FloodWaitException;
import dev.jgram.net.LoopbackServices;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's login by phone against testdc's services: codes asked again after invalid or
 * expired ones, two-step verification, sign-up, and every typed error.
 */
class UserLoginTest {
  static final String PHONE = "+15550001234";
  static final PasswordSupplier NO_PASSWORD = r -> {
    throw new AssertionError("no password should be asked for");
  };

  @TempDir
  Path dir;
  LoopbackServices cluster;
  final List<CodeSupplier.Request> codeRequests = new ArrayList<>();
  final List<PasswordSupplier.Request> passwordRequests = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2, 4);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  /** Answers each request with the next of {@code answers}; "right" is the code Telegram sent. */
  CodeSupplier codes(String... answers) {
    return r -> {
      codeRequests.add(r);
      String a = answers[codeRequests.size() - 1];
      return "right".equals(a) ? cluster.services.loginCode(PHONE).orElseThrow() : a;
    };
  }

  PasswordSupplier passwords(String... answers) {
    return r -> {
      passwordRequests.add(r);
      return answers[passwordRequests.size() - 1];
    };
  }

  @Test
  void aUserWithoutAPasswordLogsInWithTheCodeAndTheUserIdIsStored() {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withNames("Ann", null));
    try (Client app = ServicesClients.client(cluster, "ann").workdir(dir).build()) {
      User me = app.loginUser(PHONE, codes("right"), NO_PASSWORD);
      assertThat(me.id()).isEqualTo(id);
      assertThat(me.firstName()).isEqualTo("Ann");
      assertThat(me.bot()).isFalse();
      assertThat(app.storage().session().userId()).isEqualTo(id);
      assertThat(app.storage().session().isBot()).isFalse();
      assertThat(app.getMe().id()).isEqualTo(id);
    }
    assertThat(codeRequests).hasSize(1);
    assertThat(codeRequests.get(0).phone()).isEqualTo("15550001234");
    assertThat(codeRequests.get(0).codeType()).isEqualTo("auth.sentCodeTypeApp");
    assertThat(codeRequests.get(0).length()).isEqualTo(5);
    try (Client again = ServicesClients.client(cluster, "ann").workdir(dir).build()) {
      assertThat(again.loginUser(PHONE, codes(), NO_PASSWORD).id()).isEqualTo(id);
      assertThat(again.keyExchanges()).isZero();
    }
    assertThat(cluster.count("auth.sendCode")).isEqualTo(1);
  }

  @Test
  void anInvalidCodeIsAskedForAgainNamingTheErrorAndTheNextOneIsAccepted() {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE));
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThat(app.loginUser(PHONE, codes("00000", "11111", "right"), NO_PASSWORD).id())
          .isEqualTo(id);
    }
    assertThat(codeRequests).extracting(CodeSupplier.Request::attempt).containsExactly(1, 2, 3);
    assertThat(codeRequests).extracting(CodeSupplier.Request::previousError)
        .containsExactly(null, "PHONE_CODE_INVALID", "PHONE_CODE_INVALID");
    assertThat(cluster.count("auth.signIn")).isEqualTo(3);
    assertThat(cluster.count("auth.sendCode")).isEqualTo(1);
  }

  @Test
  void fiveInvalidCodesEndInALoginCodeException() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(PHONE,
          codes("00000", "00001", "00002", "00003", "00004", "right"), NO_PASSWORD))
          .isInstanceOfSatisfying(LoginCodeException.class, e -> {
            assertThat(e.error()).isEqualTo("PHONE_CODE_INVALID");
            assertThat(e.attempts()).isEqualTo(Client.MAX_CODE_TRIES);
            assertThat(e.getMessage()).contains("5 tries").doesNotContain("00004");
          });
      assertThat(app.storage().session().userId()).isNull();
    }
    assertThat(codeRequests).hasSize(5);
  }

  @Test
  void anExpiredCodeBringsANewCodeAndTheQuestionAgain() {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE));
    cluster.failOnce("auth.signIn", 0, 400, "PHONE_CODE_EXPIRED");
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThat(app.loginUser(PHONE, codes("right", "right"), NO_PASSWORD).id()).isEqualTo(id);
    }
    assertThat(cluster.count("auth.sendCode")).isEqualTo(2);
    assertThat(codeRequests.get(1).previousError()).isEqualTo("PHONE_CODE_EXPIRED");
  }

  @Test
  void aSupplierWithNoCodeEndsTheLoginSayingSo() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(PHONE, codes("00000", null), NO_PASSWORD))
          .isInstanceOfSatisfying(LoginCodeException.class, e -> {
            assertThat(e.error()).isEqualTo("NO_CODE_GIVEN");
            assertThat(e.getMessage()).contains("no login code").contains("try 2 of 5");
          });
    }
  }

  @Test
  void twoStepVerificationAsksForThePasswordAgainAfterAWrongOne() {
    long id = cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword("pässwörd ✓"));
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      User me = app.loginUser(PHONE, codes("right"), passwords("password", "pässwörd ✓"));
      assertThat(me.id()).isEqualTo(id);
      assertThat(app.storage().session().userId()).isEqualTo(id);
    }
    assertThat(passwordRequests).extracting(PasswordSupplier.Request::previousError)
        .containsExactly(null, "PASSWORD_HASH_INVALID");
    assertThat(cluster.count("account.getPassword")).isEqualTo(2);
    assertThat(cluster.count("auth.checkPassword")).isEqualTo(2);
  }

  @Test
  void threeWrongPasswordsEndInAPasswordException() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE).withPassword("secret"));
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(PHONE, codes("right"),
          passwords("a", "b", "c", "secret")))
          .isInstanceOfSatisfying(PasswordException.class, e -> {
            assertThat(e.error()).isEqualTo("PASSWORD_HASH_INVALID");
            assertThat(e.attempts()).isEqualTo(Client.MAX_PASSWORD_TRIES);
            assertThat(e.getMessage()).contains("3 tries");
          });
      assertThat(app.storage().session().userId()).isNull();
    }
    assertThat(passwordRequests).hasSize(3);
  }

  @Test
  void aNumberWithoutAnAccountSignsUpWithTheGivenName() {
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      User me = app.loginUser(PHONE, codes("right"), NO_PASSWORD, "Neu", "Person");
      assertThat(me.firstName()).isEqualTo("Neu");
      assertThat(me.lastName()).isEqualTo("Person");
      assertThat(cluster.services.userIdOfPhone(PHONE)).hasValue(me.id());
      assertThat(app.storage().session().userId()).isEqualTo(me.id());
    }
    assertThat(codeRequests.get(0).codeType()).isEqualTo("auth.sentCodeTypeSms");
  }

  @Test
  void aNumberWithoutAnAccountAndNoNameIsSignUpRequired() {
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(PHONE, codes("right"), NO_PASSWORD))
          .isInstanceOf(SignUpRequiredException.class)
          .hasMessageContaining("first name");
    }
    assertThat(cluster.services.userIdOfPhone(PHONE)).isEmpty();
  }

  @Test
  void aBannedOrInvalidNumberIsAPhoneNumberException() {
    for (String error : List.of("PHONE_NUMBER_BANNED", "PHONE_NUMBER_INVALID")) {
      cluster.failOnce("auth.sendCode", 0, 400, error);
      try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
        assertThatThrownBy(() -> app.loginUser(PHONE, codes(), NO_PASSWORD))
            .isInstanceOfSatisfying(PhoneNumberException.class,
                e -> assertThat(e.error()).isEqualTo(error));
      }
    }
    assertThatThrownBy(() -> ServicesClients.client(cluster, "b").inMemory(true).build()
        .loginUser("+1 abc", codes(), NO_PASSWORD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone");
  }

  @Test
  void aLongFloodWaitIsAFloodWaitExceptionWithItsSeconds() {
    cluster.services.addUser(UserSpec.ofPhone(PHONE));
    cluster.services.faults().floodWait("auth.sendCode", 300, 1);
    try (Client app = ServicesClients.client(cluster, "a").inMemory(true).build()) {
      assertThatThrownBy(() -> app.loginUser(PHONE, codes(), NO_PASSWORD))
          .isInstanceOfSatisfying(FloodWaitException.class,
              e -> assertThat(e.seconds()).isEqualTo(300));
    }
  }
}
