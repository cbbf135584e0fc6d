package dev.jgram.mtproto.auth;

import static dev.jgram.mtproto.auth.InMemoryExchange.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.crypto.DhChecks;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server options are checked when built, with messages that name the value. */
class ServerKeyExchangeOptionsTest {

  @Test
  void defaultsAreTelegramsGroupAndAnyDcForm() {
    var options = ServerKeyExchangeOptions.of(4, List.of(KEY));
    assertThat(options.dhPrime()).isEqualTo(DhChecks.TELEGRAM_PRIME);
    assertThat(options.g()).isEqualTo(3);
    assertThat(options.dcRule()).isEqualTo(ServerKeyExchangeOptions.DcRule.ANY);
    assertThat(options.fixedPq()).isZero();
    assertThat(options.toString()).doesNotContain("PRIVATE").contains("b1f022591e94c08e");
  }

  @Test
  void aDcNeedsAKeyAndAPositiveId() {
    assertThatThrownBy(() -> ServerKeyExchangeOptions.of(2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no RSA key: a DC needs at least one");
    assertThatThrownBy(() -> ServerKeyExchangeOptions.of(0, List.of(KEY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dcId is 0; expected 1 or more");
    assertThatThrownBy(() -> ServerKeyExchangeOptions.of(2, List.of(KEY, KEY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two RSA keys share the fingerprint 8ec0941e5922f0b1");
  }

  @Test
  void aGeneratorThatDoesNotFitThePrimeIsRefused() {
    var options = ServerKeyExchangeOptions.of(2, List.of(KEY));
    assertThatThrownBy(() -> options.withDhGroup(DhChecks.TELEGRAM_PRIME, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DH group refused: g = 2 does not generate the subgroup of order (p-1)/2"
            + " for this dh_prime");
    assertThatThrownBy(() -> options.withDhGroup(BigInteger.valueOf(23), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DH group refused: dh_prime has 5 bits; expected 2048");
  }

  @Test
  void dcRulesAcceptTheirForms() {
    assertThat(ServerKeyExchangeOptions.DcRule.ANY.accepts(2, -10002)).isTrue();
    assertThat(ServerKeyExchangeOptions.DcRule.ANY.accepts(2, 3)).isFalse();
    assertThat(ServerKeyExchangeOptions.DcRule.PRODUCTION.accepts(2, -2)).isTrue();
    assertThat(ServerKeyExchangeOptions.DcRule.PRODUCTION.accepts(2, 10002)).isFalse();
    assertThat(ServerKeyExchangeOptions.DcRule.TEST.accepts(2, 10002)).isTrue();
    assertThat(ServerKeyExchangeOptions.DcRule.TEST.accepts(2, 2)).isFalse();
  }
}
