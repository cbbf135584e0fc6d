package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jgram.storage.crypt.SessionCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cipher of encryption at rest, in memory: nothing here touches the disk. */
class SessionCipherTest {
  private static final String FILE = "/tmp/me.session";
  private static final int FEW = 1_000; // iterations for tests that are not about the KDF

  static Stream<Long> seeds() {
    return IntStream.range(0, 20).mapToObj(i -> 0x5eedL * 31 + i);
  }

  private static SessionEncryption passphrase(String text) {
    return SessionEncryption.passphrase(text.toCharArray(), FEW);
  }

  private static SessionEncryption raw(long seed) {
    byte[] key = new byte[32];
    new Random(seed).nextBytes(key);
    return SessionEncryption.rawKey(key);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aSealedKeyOpensToTheSameKeyUnderEitherKindOfKey(long seed) {
    AuthKey key = new RandomData(seed).authKey();
    for (SessionEncryption e : new SessionEncryption[] {passphrase("pass " + seed), raw(seed)}) {
      byte[] sealed = SessionCipher.create(e).seal(key);
      assertThat(sealed).hasSize(SessionCipher.LENGTH);
      SessionCipher unlocked = SessionCipher.unlock(e, sealed, FILE);
      assertThat(unlocked.open(sealed, FILE)).isEqualTo(key);
    }
  }

  @Test
  void thePublicPassphraseFactoryDerivesWithSixHundredThousandIterations() {
    SessionEncryption e = SessionEncryption.passphrase("correct horse".toCharArray());
    AuthKey key = new RandomData(7).authKey();
    SessionCipher cipher = SessionCipher.create(e); // one real derivation: slow by design
    byte[] sealed = cipher.seal(key);
    assertThat(java.nio.ByteBuffer.wrap(sealed).getInt(6)).isEqualTo(600_000);
    assertThat(cipher.method()).contains("PBKDF2WithHmacSHA256, 600000 iterations");
    assertThat(cipher.open(sealed, FILE)).isEqualTo(key);
  }

  @Test
  void everySealUsesAFreshNonceAndNeverHoldsTheKeyInClear() {
    AuthKey key = new RandomData(3).authKey();
    SessionCipher cipher = SessionCipher.create(raw(3));
    byte[] a = cipher.seal(key);
    byte[] b = cipher.seal(key);
    assertThat(Arrays.copyOfRange(a, 26, 38)).isNotEqualTo(Arrays.copyOfRange(b, 26, 38));
    String hex = HexFormat.of().formatHex(a);
    byte[] k = key.bytes();
    for (int i = 0; i + 8 <= k.length; i += 8) {
      assertThat(hex).doesNotContain(HexFormat.of().formatHex(k, i, i + 8));
    }
  }

  @Test
  void aWrongPassphraseFailsAsWrongKeyNamingTheFileButNotTheSecret() {
    byte[] sealed = SessionCipher.create(passphrase("right")).seal(new RandomData(1).authKey());
    Throwable t = catchThrowable(() -> SessionCipher.unlock(passphrase("wrong"), sealed, FILE));
    assertThat(t).isInstanceOf(EncryptedSessionException.class)
        .hasMessageContaining(FILE).hasMessageContaining("wrong passphrase")
        .hasMessageContaining("nothing was written").hasMessageNotContaining("wrong\"");
    assertThat(((EncryptedSessionException) t).reason())
        .isEqualTo(EncryptedSessionException.Reason.WRONG_KEY);
  }

  @Test
  void aWrongRawKeyFailsAsWrongKey() {
    byte[] sealed = SessionCipher.create(raw(1)).seal(new RandomData(1).authKey());
    assertThatThrownBy(() -> SessionCipher.unlock(raw(2), sealed, FILE))
        .isInstanceOf(EncryptedSessionException.class).hasMessageContaining("wrong key");
  }

  @Test
  void aSealedKeyWithoutEncryptionAsksForThePassphraseByItsVariable() {
    byte[] sealed = SessionCipher.create(passphrase("p")).seal(new RandomData(1).authKey());
    Throwable t = catchThrowable(
        () -> SessionCipher.unlock(SessionEncryption.none(), sealed, FILE));
    assertThat(t).isInstanceOf(EncryptedSessionException.class)
        .hasMessageContaining("encrypted").hasMessageContaining("PBKDF2WithHmacSHA256, 1000")
        .hasMessageContaining(SessionEncryption.PASSPHRASE_VARIABLE);
    assertThat(((EncryptedSessionException) t).reason())
        .isEqualTo(EncryptedSessionException.Reason.KEY_REQUIRED);
  }

  @Test
  void aPassphraseForARawKeyFileSaysWhichKindOfKeyIsNeeded() {
    byte[] sealed = SessionCipher.create(raw(1)).seal(new RandomData(1).authKey());
    assertThatThrownBy(() -> SessionCipher.unlock(passphrase("p"), sealed, FILE))
        .isInstanceOf(EncryptedSessionException.class)
        .hasMessageContaining("encrypted with a raw key").hasMessageContaining("passphrase");
  }

  @Test
  void everyHeaderBitFlipAndABitFlipInEveryCiphertextByteIsRefused() {
    AuthKey key = new RandomData(9).authKey();
    Random random = new Random(9);
    for (SessionEncryption e : new SessionEncryption[] {passphrase("p"), raw(9)}) {
      SessionCipher cipher = SessionCipher.create(e);
      byte[] sealed = cipher.seal(key);
      for (int i = 0; i < 38 * 8 + 272; i++) {
        int bit = i < 38 * 8 ? i : 8 * (i - 38 * 8 + 38) + random.nextInt(8);
        byte[] bad = sealed.clone();
        bad[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(catchThrowable(() -> cipher.open(bad, FILE))).as("bit %d", bit)
            .isInstanceOfAny(EncryptedSessionException.class, InvalidSessionFileException.class);
      }
    }
  }

  @Test
  void aSealedKeyOfTheWrongSizeOrMagicIsADamagedFile() {
    SessionCipher cipher = SessionCipher.create(raw(1));
    byte[] sealed = cipher.seal(new RandomData(1).authKey());
    for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(sealed, 309),
        Arrays.copyOf(sealed, 311), "JGAX".getBytes(StandardCharsets.US_ASCII)}) {
      assertThatThrownBy(() -> cipher.open(bad, FILE))
          .isInstanceOf(InvalidSessionFileException.class).hasMessageContaining("damaged");
    }
    assertThatThrownBy(() -> SessionCipher.unlock(raw(1), null, FILE))
        .isInstanceOf(InvalidSessionFileException.class);
  }

  @Test
  void anIterationCountBeyondTheBoundIsRefusedBeforeAnyDerivation() {
    byte[] sealed = SessionCipher.create(passphrase("p")).seal(new RandomData(1).authKey());
    java.nio.ByteBuffer.wrap(sealed).putInt(6, SessionCipher.MAX_ITERATIONS + 1);
    assertThatThrownBy(() -> SessionCipher.unlock(passphrase("p"), sealed, FILE))
        .isInstanceOf(InvalidSessionFileException.class).hasMessageContaining("iterations");
  }

  @Test
  void theEnvironmentGivesARawKeyInEitherBase64AlphabetWithOrWithoutPadding() {
    byte[] key = new byte[32];
    new Random(5).nextBytes(key);
    key[0] = (byte) 0xfb; // '+' or '-' in the first character
    AuthKey authKey = new RandomData(5).authKey();
    byte[] sealed = SessionCipher.create(SessionEncryption.rawKey(key)).seal(authKey);
    for (String text : new String[] {Base64.getEncoder().encodeToString(key),
        Base64.getUrlEncoder().encodeToString(key),
        Base64.getEncoder().withoutPadding().encodeToString(key),
        " " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n"}) {
      SessionEncryption e = SessionEncryption.fromEnvironment(
          Map.of(SessionEncryption.KEY_VARIABLE, text, SessionEncryption.PASSPHRASE_VARIABLE, "x"));
      assertThat(e.enabled()).isTrue();
      assertThat(SessionCipher.unlock(e, sealed, FILE).open(sealed, FILE)).isEqualTo(authKey);
    }
  }

  @Test
  void theEnvironmentGivesAPassphraseWhenNoKeyIsSetAndNoneWhenNeitherIs() {
    assertThat(SessionEncryption.fromEnvironment(
        Map.of(SessionEncryption.PASSPHRASE_VARIABLE, "s3cret")).toString())
        .contains("passphrase").contains("600000").doesNotContain("s3cret");
    assertThat(SessionEncryption.fromEnvironment(Map.of()).enabled()).isFalse();
    assertThat(SessionEncryption.fromEnvironment(Map.of(SessionEncryption.KEY_VARIABLE, " ")))
        .isSameAs(SessionEncryption.none());
  }

  @Test
  void aBadKeyInTheEnvironmentIsRefusedWithoutQuotingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
    assertThatThrownBy(() -> SessionEncryption.fromEnvironment(
        Map.of(SessionEncryption.KEY_VARIABLE, shortKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JGRAM_SESSION_KEY decodes to 31 bytes; expected 32");
    assertThatThrownBy(() -> SessionEncryption.fromEnvironment(
        Map.of(SessionEncryption.KEY_VARIABLE, "not*base64!")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not*base64");
  }

  @Test
  void keysAndPassphrasesOfTheWrongShapeAreRefused() {
    assertThatThrownBy(() -> SessionEncryption.rawKey(new byte[16]))
        .hasMessage("raw session key has 16 bytes; expected 32");
    assertThatThrownBy(() -> SessionEncryption.rawKey(null))
        .hasMessage("raw session key has no bytes; expected 32");
    assertThatThrownBy(() -> SessionEncryption.passphrase(new char[0]))
        .hasMessageContaining("passphrase is empty");
  }

  @Test
  void theCallerMayClearItsPassphraseArrayAfterPassingIt() {
    char[] secret = "hunter2".toCharArray();
    SessionEncryption e = SessionEncryption.passphrase(secret, FEW);
    byte[] sealed = SessionCipher.create(e).seal(new RandomData(2).authKey());
    Arrays.fill(secret, '\0');
    assertThat(SessionCipher.unlock(passphrase("hunter2"), sealed, FILE)).isNotNull();
    assertThat(e.toString()).doesNotContain("hunter2");
  }

  @Test
  void configHasNoEncryptionByDefaultAndTakesOneAdditively() {
    assertThat(StorageConfig.DEFAULTS.encryption().enabled()).isFalse();
    StorageConfig legacy = new StorageConfig(StorageConfig.DEFAULT_USERNAME_TTL,
        java.time.Clock.systemUTC(), 10, false);
    assertThat(legacy.encryption()).isSameAs(SessionEncryption.none());
    StorageConfig with = legacy.withEncryption(raw(1)).withCacheSize(5).withReadOnly(true);
    assertThat(with.encryption().enabled()).isTrue();
    assertThat(with.toString()).contains("raw 256-bit key");
    assertThatThrownBy(() -> legacy.withEncryption(null))
        .hasMessageContaining("encryption is required");
  }
}
