package dev.jgram.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.ServerAuthKey;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.Direction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each MTProto JMH benchmark method, run once, does what its name says. */
class MtprotoBenchmarksTest {

  @ParameterizedTest
  @EnumSource(Direction.class)
  void messageCipherBenchmarksEncryptAndDecryptTheWholeKibibyte(Direction direction) {
    MessageCipherBenchmark b = new MessageCipherBenchmark();
    b.direction = direction;
    b.setUp();
    byte[] encrypted = b.encrypt();
    assertThat(encrypted.length).isEqualTo(24 + 1024 + 16);
    assertThat(b.decrypt()).isEqualTo(b.plaintext);
    assertThat(b.encryptAndDecrypt()).isEqualTo(b.plaintext);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 65536})
  void aesIgeBenchmarksAreInverses(int size) {
    AesIgeBenchmark b = new AesIgeBenchmark();
    b.size = size;
    b.setUp();
    byte[] encrypted = b.encrypt();
    assertThat(encrypted).hasSize(size).isEqualTo(b.ciphertext);
    assertThat(b.decrypt()).isEqualTo(b.plaintext);
    assertThat(AesIge.decrypt(encrypted, b.key, b.iv)).isEqualTo(b.plaintext);
    byte[] newKeyEncrypted = b.encryptWithNewKey();
    assertThat(newKeyEncrypted).isNotEqualTo(encrypted);
    assertThat(AesIge.decrypt(newKeyEncrypted, b.key, b.iv)).isEqualTo(b.plaintext);
    b.key[0]--;
    assertThat(b.decryptWithNewKey()).isEqualTo(AesIge.decrypt(b.ciphertext, b.key, b.iv))
        .isNotEqualTo(b.plaintext);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA_PAD", "SHA1"})
  void keyExchangeBenchmarkEndsWithTheSameKeyOnBothSides(String padding) {
    KeyExchangeBenchmark b = new KeyExchangeBenchmark();
    b.padding = padding;
    b.setUp();
    Object[] keys = b.exchange();
    AuthKeyResult client = (AuthKeyResult) keys[0];
    ServerAuthKey server = (ServerAuthKey) keys[1];
    assertThat(server.authKey()).hasSize(256).isEqualTo(client.authKey());
    assertThat(server.padding().name()).isEqualTo(padding);
  }

  @Test
  void cpuTimeRunnerReportsEveryMeasurement() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MtprotoCpuTime.run(new PrintStream(bytes, true, UTF_8), 0.0001);
    String[] lines = bytes.toString(UTF_8).split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines[0]).startsWith("1 KiB message encrypt+decrypt CLIENT_TO_SERVER #");
    assertThat(lines[10]).startsWith("key exchange, both halves #");
  }
}
