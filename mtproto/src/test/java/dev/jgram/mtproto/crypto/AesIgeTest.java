package dev.jgram.mtproto.crypto;

import static dev.jgram.mtproto.Vectors.counting;
import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AesIgeTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-crypto.txt");

  // OpenSSL test/igetest.c, ige_test_vectors[0] (AES-128, encrypt)
  @Test
  void openSslVectorZeroEncrypts() {
    byte[] out = AesIge.encrypt(new byte[32], counting(16), counting(32));
    assertThat(hex(out)).isEqualTo(
        "1a8519a6557be652e9da8e43da4ef4453cf456b4ca488aa383c79c98b34797cb");
  }

  // OpenSSL test/igetest.c, ige_test_vectors[1] (AES-128, AES_DECRYPT: "in" is decrypted)
  @Test
  void openSslVectorOneDecrypts() {
    byte[] key = hex("5468697320697320616e20696d706c65");
    byte[] iv = hex("6d656e746174696f6e206f6620494745206d6f646520666f72204f70656e5353");
    byte[] in = "L. Let's hope Ben got it right!\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(hex(AesIge.decrypt(in, key, iv))).isEqualTo(
        "99706487a1cde613bc6de0b6f24b1c7aa448c8b9c3403e3467a8cad89340f53b");
  }

  @Test
  void grammersAes256VectorEncrypts() {
    byte[] bytes = counting(32);
    assertThat(AesIge.encrypt(bytes, bytes, bytes))
        .isEqualTo(GRAMMERS.bytes("ige.encrypt_counting32.expected"));
  }

  @Test
  void grammersAes256VectorDecrypts() {
    byte[] bytes = counting(32);
    assertThat(AesIge.decrypt(bytes, bytes, bytes))
        .isEqualTo(GRAMMERS.bytes("ige.decrypt_counting32.expected"));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decryptInvertsEncrypt(int seed) {
    Random random = new Random(seed);
    byte[] key = new byte[32];
    byte[] iv = new byte[32];
    byte[] data = new byte[16 * (1 + random.nextInt(40))];
    random.nextBytes(key);
    random.nextBytes(iv);
    random.nextBytes(data);
    byte[] encrypted = AesIge.encrypt(data, key, iv);
    assertThat(encrypted).isNotEqualTo(data);
    assertThat(AesIge.decrypt(encrypted, key, iv)).isEqualTo(data);
  }

  @Test
  void inputNotAMultipleOfSixteenIsRejected() {
    assertThatThrownBy(() -> AesIge.encrypt(new byte[17], new byte[32], new byte[32]))
        .hasMessage("AES-IGE input is 17 bytes; expected a multiple of 16");
  }
}
