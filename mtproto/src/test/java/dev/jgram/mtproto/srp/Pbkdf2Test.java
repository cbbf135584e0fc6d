package dev.jgram.mtproto.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Pbkdf2Test {

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bytesVersionMatchesTheJdkOnAsciiPasswords(int seed) throws Exception {
    Random random = new Random(seed);
    char[] password = new char[1 + random.nextInt(40)];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) (0x20 + random.nextInt(0x5f));
    }
    byte[] salt = new byte[1 + random.nextInt(48)];
    random.nextBytes(salt);
    int iterations = 1 + random.nextInt(300);
    int length = 1 + random.nextInt(128);

    byte[] ours = Pbkdf2.hmacSha512(new String(password).getBytes(StandardCharsets.US_ASCII),
        salt, iterations, length);

    assertThat(ours).isEqualTo(jdk(password, salt, iterations, length));
  }

  @Test
  void outputIsAPrefixOfTheLongerOutput() {
    byte[] key = "key".getBytes(StandardCharsets.US_ASCII);
    byte[] salt = {1, 2, 3};
    byte[] two = Pbkdf2.hmacSha512(key, salt, 3, 128);
    byte[] one = Pbkdf2.hmacSha512(key, salt, 3, 64);
    assertThat(two).startsWith(one);
    assertThat(Arrays.copyOfRange(two, 64, 128)).isNotEqualTo(one);
  }

  @Test
  void zeroIterationsAreRefused() {
    assertThatThrownBy(() -> Pbkdf2.hmacSha512(new byte[] {1}, new byte[] {2}, 0, 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PBKDF2 needs iterations >= 1 and length >= 1; got 0 and 64");
  }

  private static byte[] jdk(char[] password, byte[] salt, int iterations, int length)
      throws Exception {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec)
        .getEncoded();
  }
}
