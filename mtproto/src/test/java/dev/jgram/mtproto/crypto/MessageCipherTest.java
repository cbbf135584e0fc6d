package dev.jgram.mtproto.crypto;

import static dev.jgram.mtproto.Vectors.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.Vectors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCipherTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-crypto.txt");

  @Test
  void clientKeyDerivationMatchesGrammers() {
    AesKeyIv keyIv = MessageKeys.aesKeyIv(counting(256), counting(16), Direction.CLIENT_TO_SERVER);
    assertThat(keyIv.key()).isEqualTo(GRAMMERS.bytes("calc_key.client.aes_key"));
    assertThat(keyIv.iv()).isEqualTo(GRAMMERS.bytes("calc_key.client.aes_iv"));
  }

  @Test
  void serverKeyDerivationMatchesGrammers() {
    AesKeyIv keyIv = MessageKeys.aesKeyIv(counting(256), counting(16), Direction.SERVER_TO_CLIENT);
    assertThat(keyIv.key()).isEqualTo(GRAMMERS.bytes("calc_key.server.aes_key"));
    assertThat(keyIv.iv()).isEqualTo(GRAMMERS.bytes("calc_key.server.aes_iv"));
  }

  @Test
  void authKeyIdAndAuxHashMatchGrammers() {
    assertThat(AuthKeyHashes.keyIdBytes(counting(256)))
        .isEqualTo(GRAMMERS.bytes("auth_key_id.counting256"));
    assertThat(AuthKeyHashes.auxHashBytes(counting(256)))
        .isEqualTo(GRAMMERS.bytes("auth_key_aux_hash.counting256"));
  }

  @Test
  void clientMessageEncryptsLikeGrammers() {
    byte[] plaintext = "Hello, world! This data should remain secure!"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] encrypted = MessageCipher.encrypt(counting(256), plaintext,
        Direction.CLIENT_TO_SERVER, RandomSource.zeros());
    assertThat(encrypted).isEqualTo(GRAMMERS.bytes("encrypt_client_data_v2.expected"));
  }

  @Test
  void realServerMessageDecrypts() {
    byte[] expected = GRAMMERS.bytes("decrypt_server_data_v2.expected");
    byte[] plaintext = MessageCipher.decrypt(GRAMMERS.bytes("decrypt_server_data_v2.auth_key"),
        GRAMMERS.bytes("decrypt_server_data_v2.ciphertext"), Direction.SERVER_TO_CLIENT);
    // the decrypted message without its 24 padding bytes
    assertThat(plaintext).isEqualTo(Arrays.copyOf(expected, 32 + 88));
  }

  @Test
  void flippedMsgKeyFailsTheCheck() {
    byte[] message = GRAMMERS.bytes("decrypt_server_data_v2.ciphertext");
    message[10] ^= 1;
    assertThatThrownBy(() -> MessageCipher.decrypt(
        GRAMMERS.bytes("decrypt_server_data_v2.auth_key"), message, Direction.SERVER_TO_CLIENT))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("msg_key mismatch: the decrypted message hashes to a different msg_key");
  }

  @Test
  void messageReadInTheWrongDirectionFailsTheMsgKeyCheck() {
    assertThatThrownBy(() -> MessageCipher.decrypt(
        GRAMMERS.bytes("decrypt_server_data_v2.auth_key"),
        GRAMMERS.bytes("decrypt_server_data_v2.ciphertext"), Direction.CLIENT_TO_SERVER))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessageStartingWith("msg_key mismatch");
  }

  @Test
  void otherAuthKeyIdIsRejected() {
    assertThatThrownBy(() -> MessageCipher.decrypt(counting(256),
        GRAMMERS.bytes("decrypt_server_data_v2.ciphertext"), Direction.SERVER_TO_CLIENT))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("auth_key_id of the message does not match the auth key");
  }

  @Test
  void paddingLongerThan1024BytesIsRejected() {
    byte[] authKey = counting(256);
    byte[] inner = innerMessage(new byte[8]);
    // claim 8 data bytes but send 1040 bytes of padding, msg_key computed honestly
    byte[] padded = Arrays.copyOf(inner, inner.length + 1032);
    assertThatThrownBy(() -> MessageCipher.decrypt(authKey,
        sealWithoutPadding(authKey, padded, Direction.SERVER_TO_CLIENT),
        Direction.SERVER_TO_CLIENT))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessage("bad padding length: message_data_length 8 leaves 1032 padding bytes;"
            + " expected 12 to 1024 and a length divisible by 4");
  }

  @Test
  void paddingShorterThanTwelveBytesIsRejected() {
    byte[] authKey = counting(256);
    byte[] padded = Arrays.copyOf(innerMessage(new byte[24]), 64);
    assertThatThrownBy(() -> MessageCipher.decrypt(authKey,
        sealWithoutPadding(authKey, padded, Direction.CLIENT_TO_SERVER),
        Direction.CLIENT_TO_SERVER))
        .isInstanceOf(SecurityCheckException.class)
        .hasMessageStartingWith("bad padding length: message_data_length 24 leaves 8 padding");
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decryptInvertsEncryptInBothDirections(int seed) {
    Random random = new Random(seed);
    byte[] authKey = new byte[256];
    random.nextBytes(authKey);
    byte[] data = new byte[4 * random.nextInt(100)];
    random.nextBytes(data);
    byte[] inner = innerMessage(data);
    Direction direction = Direction.values()[seed % 2];
    byte[] sealed = MessageCipher.encrypt(authKey, inner, direction, random::nextBytes);
    assertThat((sealed.length - 24) % 16).isZero();
    assertThat(MessageCipher.decrypt(authKey, sealed, direction)).isEqualTo(inner);
  }

  private static byte[] innerMessage(byte[] data) {
    return ByteBuffer.allocate(32 + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(1).putLong(2).putLong(3).putInt(4).putInt(data.length).put(data).array();
  }

  private static byte[] sealWithoutPadding(byte[] authKey, byte[] padded, Direction direction) {
    byte[] msgKey = MessageKeys.msgKey(authKey, padded, direction);
    AesKeyIv keyIv = MessageKeys.aesKeyIv(authKey, msgKey, direction);
    return Bytes.concat(AuthKeyHashes.keyIdBytes(authKey), msgKey,
        AesIge.encrypt(padded, keyIv.key(), keyIv.iv()));
  }
}
