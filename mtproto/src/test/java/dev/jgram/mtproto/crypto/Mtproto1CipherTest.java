package dev.jgram.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** MTProto 1.0 encryption, kept for auth.bindTempAuthKey's encrypted_message. */
class Mtproto1CipherTest {
  private static final Vectors V1 = Vectors.load("mtproto1-binding.txt");
  private static final byte[] KEY = Vectors.counting(256);

  @Test
  void keyAndIvMatchASecondImplementation() {
    byte[] message = V1.bytes("message");
    byte[] msgKey = java.util.Arrays.copyOfRange(message, 8, 24);
    AesKeyIv keyIv = Mtproto1Cipher.aesKeyIv(KEY, msgKey, Direction.CLIENT_TO_SERVER);
    assertThat(keyIv.key()).isEqualTo(V1.bytes("aes_key"));
    assertThat(keyIv.iv()).isEqualTo(V1.bytes("aes_iv"));
  }

  @Test
  void encryptionWithTheRecordedPaddingMatchesASecondImplementation() {
    byte[] encrypted = Mtproto1Cipher.encrypt(KEY, V1.bytes("plaintext"),
        Direction.CLIENT_TO_SERVER, RandomSource.replaying(V1.bytes("padding")));
    assertThat(encrypted).isEqualTo(V1.bytes("message"));
    assertThat(Mtproto1Cipher.decrypt(KEY, encrypted, Direction.CLIENT_TO_SERVER))
        .isEqualTo(V1.bytes("plaintext"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 8, 12, 16, 40, 100, 1000})
  void seededRoundTripsInBothDirections(int dataLength) {
    Random random = new Random(dataLength);
    byte[] key = new byte[256];
    random.nextBytes(key);
    byte[] plaintext = new byte[32 + dataLength];
    random.nextBytes(plaintext);
    plaintext[28] = (byte) dataLength;
    plaintext[29] = (byte) (dataLength >>> 8);
    plaintext[30] = 0;
    plaintext[31] = 0;
    for (Direction direction : Direction.values()) {
      byte[] encrypted = Mtproto1Cipher.encrypt(key, plaintext, direction, random::nextBytes);
      assertThat(Mtproto1Cipher.decrypt(key, encrypted, direction)).isEqualTo(plaintext);
    }
  }

  @Test
  void aFlippedCiphertextBitFailsTheMsgKeyCheck() {
    byte[] message = V1.bytes("message");
    message[message.length - 20] ^= 1;
    assertThatThrownBy(() -> Mtproto1Cipher.decrypt(KEY, message, Direction.CLIENT_TO_SERVER))
        .isInstanceOf(SecurityCheckException.class);
  }

  @Test
  void anotherKeyIsRefusedByItsId() {
    byte[] other = new byte[256];
    assertThatThrownBy(() -> Mtproto1Cipher.decrypt(other, V1.bytes("message"),
        Direction.CLIENT_TO_SERVER))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("auth_key_id of the MTProto 1.0 message does not match the key");
  }
}
