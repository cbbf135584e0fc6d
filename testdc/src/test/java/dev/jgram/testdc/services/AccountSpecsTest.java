package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSpecsTest {
  final Cluster cluster = new Cluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void botSpecTakesTokenDcAndUsername() {
    BotSpec spec = BotSpec.parse("123456:AAH-secret_x@2=my_test_bot");

    assertThat(spec.botId()).isEqualTo(123456L);
    assertThat(spec.secret()).isEqualTo("AAH-secret_x");
    assertThat(spec.token()).isEqualTo("123456:AAH-secret_x");
    assertThat(spec.homeDc()).isEqualTo(2);
    assertThat(spec.effectiveUsername()).isEqualTo("my_test_bot");
  }

  @Test
  void botWithoutUsernameIsNamedAfterItsId() {
    BotSpec spec = BotSpec.parse("98765:abc");

    assertThat(spec.homeDc()).isZero();
    assertThat(spec.effectiveUsername()).isEqualTo("bot98765_bot");
    assertThat(spec.firstName()).isEqualTo("Test bot 98765");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123456", "abc:def", ":secret", "123456:", "0:secret",
      "-5:secret", "123456:sec ret", "123456:sec/ret", "99999999999999999999:x"})
  void malformedBotTokensAreRefusedWithTheExpectedShape(String token) {
    assertThatThrownBy(() -> BotSpec.parse(token)).isInstanceOf(AccountSpecException.class)
        .hasMessageContaining("<bot id>:<secret>");
  }

  @Test
  void badBotDcOrUsernameIsNamed() {
    assertThatThrownBy(() -> BotSpec.parse("1:abc@x")).isInstanceOf(AccountSpecException.class)
        .hasMessageContaining("DC 'x'");
    assertThatThrownBy(() -> BotSpec.parse("1:abc@0")).hasMessageContaining("DC '0'");
    assertThatThrownBy(() -> BotSpec.parse("1:abc=not_a_b0t"))
        .hasMessageContaining("ending in 'bot'");
  }

  @Test
  void botSpecNeverShowsItsSecret() {
    assertThat(BotSpec.parse("1:topsecretvalue").toString()).doesNotContain("topsecretvalue");
    assertThatThrownBy(() -> BotSpec.parse("1:top secret"))
        .message().doesNotContain("top secret");
  }

  @Test
  void userSpecTakesPhoneDcAndPassword() {
    UserSpec spec = UserSpec.parse("+15550001234@3:pass:word@x");

    assertThat(spec.phone()).isEqualTo("15550001234");
    assertThat(spec.homeDc()).isEqualTo(3);
    assertThat(spec.password()).isEqualTo("pass:word@x");
    assertThat(spec.effectiveFirstName()).isEqualTo("User 1234");
    assertThat(spec.toString()).doesNotContain("pass:word");
  }

  @Test
  void userSpecWithoutDcOrPasswordHasNeither() {
    UserSpec spec = UserSpec.parse("15550001234");

    assertThat(spec.homeDc()).isZero();
    assertThat(spec.password()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "1234", "+1555abc1234", "1234567890123456", "phone"})
  void malformedPhonesAreRefusedWithTheExpectedShape(String phone) {
    assertThatThrownBy(() -> UserSpec.parse(phone)).isInstanceOf(AccountSpecException.class)
        .hasMessageContaining("digits");
  }

  @Test
  void emptyPasswordIsRefused() {
    assertThatThrownBy(() -> UserSpec.parse("15550001234:"))
        .isInstanceOf(AccountSpecException.class).hasMessageContaining("password");
  }

  @Test
  void accountsOnDcsOutsideTheClusterAreRefused() {
    assertThatThrownBy(() -> cluster.services.addBot(BotSpec.parse("5:abc@9")))
        .isInstanceOf(AccountSpecException.class).hasMessageContaining("DC 9")
        .hasMessageContaining("1, 2, 3");
    assertThatThrownBy(() -> cluster.services.addUser(UserSpec.parse("15550001234@4")))
        .isInstanceOf(AccountSpecException.class);
  }

  @Test
  void defaultHomeIsTheClustersFirstDc() {
    cluster.services.addBot(BotSpec.parse("5:abc"));

    assertThat(cluster.error(2, 1L, Queries.importBot("5:abc"))).isEqualTo("303 USER_MIGRATE_1");
  }

  @Test
  void addingTheSameAccountAgainUpdatesIt() {
    long first = cluster.services.addUser(UserSpec.parse("15550001234@1"));
    long again = cluster.services.addUser(UserSpec.parse("+1 555 000 1234@2"));
    cluster.services.addBot(BotSpec.parse("5:abc@1"));
    cluster.services.addBot(BotSpec.parse("5:newsecret@2"));

    assertThat(again).isEqualTo(first);
    assertThat(cluster.error(2, 1L, Queries.importBot("5:abc")))
        .isEqualTo("400 ACCESS_TOKEN_INVALID");
    cluster.loginBot(2, 1L, "5:newsecret");
  }

  @Test
  void takenUsernamesAndIdsAreRefused() {
    cluster.services.addUser(UserSpec.ofPhone("15550001234").withUsername("taken_name"));
    long user = cluster.services.addUser(UserSpec.ofPhone("15550004321"));

    assertThatThrownBy(() -> cluster.services.addBot(BotSpec.parse("5:abc=taken_name")))
        .isInstanceOf(AccountSpecException.class);
    assertThat(cluster.services.addBot(BotSpec.parse("5:abc=Taken_Name_bot"))).isEqualTo(5L);
    assertThatThrownBy(() -> cluster.services.addBot(new BotSpec(user, "abc", 0, null)))
        .isInstanceOf(AccountSpecException.class).hasMessageContaining("already belongs");
    assertThatThrownBy(() -> cluster.services.addChannel("c", "TAKEN_NAME", false, user,
        List.of())).hasMessageContaining("already taken");
  }
}
