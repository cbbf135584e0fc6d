package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
  @TempDir
  Path dir;

  @Test
  void permanentKeySurvivesReopeningTheStateDirectory() {
    StoredKey key = key(1, 0x1122334455667788L);
    try (KeyStore store = KeyStore.open(1, dir)) {
      store.add(key);
    }
    try (KeyStore store = KeyStore.open(1, dir)) {
      assertThat(store.find(key.id(), 0)).isEqualTo(key);
      assertThat(store.size()).isEqualTo(1);
    }
    try (KeyStore other = KeyStore.open(3, dir)) {
      assertThat(other.find(key.id(), 0)).isNull();
    }
  }

  @Test
  void forgottenKeyStaysForgottenAfterReopening() {
    StoredKey kept = key(2, 1);
    StoredKey forgotten = key(3, 2);
    try (KeyStore store = KeyStore.open(1, dir)) {
      store.add(kept);
      store.add(forgotten);
      assertThat(store.forget(forgotten.id())).isTrue();
      assertThat(store.forget(forgotten.id())).isFalse();
    }
    try (KeyStore store = KeyStore.open(1, dir)) {
      assertThat(store.find(kept.id(), 0)).isEqualTo(kept);
      assertThat(store.find(forgotten.id(), 0)).isNull();
    }
  }

  @Test
  void recordCutShortByACrashIsCutOffAndLaterKeysStillLoad() throws IOException {
    StoredKey key = key(4, 7);
    try (KeyStore store = KeyStore.open(1, dir)) {
      store.add(key);
      store.add(key(5, 8));
    }
    Path file = dir.resolve("keys-dc1.bin");
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - 100));
    try (KeyStore store = KeyStore.open(1, dir)) {
      assertThat(store.find(key.id(), 0)).isEqualTo(key);
      assertThat(store.find(8, 0)).isNull();
      store.add(key(6, 9));
    }
    try (KeyStore store = KeyStore.open(1, dir)) {
      assertThat(store.find(key.id(), 0)).isEqualTo(key);
      assertThat(store.find(9, 0)).isEqualTo(key(6, 9));
    }
  }

  @Test
  void temporaryKeyIsKeptInMemoryOnlyAndExpires() {
    StoredKey temporary = new StoredKey(1, 9, new byte[256], true, 1000);
    try (KeyStore store = KeyStore.open(1, dir)) {
      store.add(temporary);
      assertThat(store.find(9, 1000)).isEqualTo(temporary);
      assertThat(store.find(9, 1001)).isNull();
      store.add(temporary);
    }
    try (KeyStore store = KeyStore.open(1, dir)) {
      assertThat(store.find(9, 0)).isNull();
    }
  }

  @Test
  void fileThatIsNoKeyJournalIsRefused() throws IOException {
    Files.writeString(dir.resolve("keys-dc1.bin"), "something else entirely");
    assertThatThrownBy(() -> KeyStore.open(1, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keys-dc1.bin does not start with JGTDKEY1");
  }

  @Test
  void keyNeverAppearsInToString() {
    StoredKey key = key(6, 0xabcdefL);
    assertThat(key.toString()).isEqualTo("StoredKey[dc=1, id=0000000000abcdef, temporary=false]");
  }

  private static StoredKey key(int seed, long id) {
    byte[] bytes = new byte[256];
    new Random(seed).nextBytes(bytes);
    return new StoredKey(1, id, bytes, false, 0);
  }
}
