package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerKeysTest {

  @Test
  void telegramsBuiltInKeysAreProductionAndTest() {
    ServerKeys keys = ServerKeys.telegram();
    assertThat(keys.byFingerprint()).hasSize(2);
    assertThat(keys.trusts(0xd09d1d85de64fd85L)).isTrue();
    assertThat(keys.trusts(0xb25898df208d2603L)).isTrue();
  }

  @Test
  void aPemAddsItsKey() {
    String pem = LoopbackDc.KEY.publicKey().toPem();
    ServerKeys keys = ServerKeys.telegram().withPem(pem);
    assertThat(keys.byFingerprint()).hasSize(3);
    assertThat(keys.trusts(LoopbackDc.KEY.fingerprint())).isTrue();
    assertThat(ServerKeys.none().withPem(pem + "\n" + pem).byFingerprint()).hasSize(1);
  }

  @Test
  void textWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> ServerKeys.none().withPem("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN RSA PUBLIC KEY");
    assertThatThrownBy(() -> ServerKeys.none().withPem(
        "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 1");
  }
}
