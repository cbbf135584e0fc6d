package dev.jgram.mtproto.crypto;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AesCtrTest {
  // NIST SP 800-38A, F.5.5 CTR-AES256.Encrypt
  private static final byte[] KEY =
      hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
  private static final byte[] COUNTER = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
  private static final byte[] PLAINTEXT = hex("6bc1bee22e409f96e93d7e117393172a"
      + "ae2d8a571e03ac9c9eb76fac45af8e51" + "30c81c46a35ce411e5fbc1191a0a52ef"
      + "f69f2445df4f9b17ad2b417be66c3710");
  private static final byte[] CIPHERTEXT = hex("601ec313775789a5b7a7f504bbf3d228"
      + "f443e3ca4d62b59aca84e990cacaf5c5" + "2b0930daa23de94ce87017ba2d84988d"
      + "dfc9c58db67aada613c2dd08457941a6");

  @Test
  void nistF55EncryptsInOneCall() {
    assertThat(new AesCtr(KEY, COUNTER).process(PLAINTEXT)).isEqualTo(CIPHERTEXT);
  }

  // NIST SP 800-38A, F.5.6 CTR-AES256.Decrypt
  @Test
  void nistF56DecryptsInOddSizedPieces() {
    AesCtr ctr = new AesCtr(KEY, COUNTER);
    byte[] out = CIPHERTEXT.clone();
    ctr.process(out, 0, 5);
    ctr.process(out, 5, 17);
    ctr.process(out, 22, 0);
    ctr.process(out, 22, 42);
    assertThat(out).isEqualTo(PLAINTEXT);
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void streamSplitAcrossCallsEqualsOneCall(int seed) {
    Random random = new Random(seed);
    byte[] key = new byte[32];
    byte[] iv = new byte[16];
    byte[] data = new byte[1 + random.nextInt(300)];
    random.nextBytes(key);
    random.nextBytes(iv);
    random.nextBytes(data);
    byte[] whole = new AesCtr(key, iv).process(data);
    AesCtr pieces = new AesCtr(key, iv);
    byte[] split = data.clone();
    int at = 0;
    while (at < split.length) {
      int n = Math.min(split.length - at, random.nextInt(40));
      pieces.process(split, at, n);
      at += n;
    }
    assertThat(split).isEqualTo(whole);
    assertThat(new AesCtr(key, iv).process(whole)).isEqualTo(data);
  }

  @Test
  void counterCarriesAcrossAllSixteenBytes() {
    byte[] iv = new byte[16];
    Arrays.fill(iv, (byte) 0xff);
    byte[] twoBlocks = new AesCtr(KEY, iv).process(new byte[32]);
    byte[] second = new AesCtr(KEY, new byte[16]).process(new byte[16]);
    assertThat(Arrays.copyOfRange(twoBlocks, 16, 32)).isEqualTo(second);
  }
}
