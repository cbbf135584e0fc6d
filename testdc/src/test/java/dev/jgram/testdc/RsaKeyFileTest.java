package dev.jgram.testdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsaKeyFileTest {
  @TempDir
  Path dir;

  @Test
  void keyMadeOnTheFirstStartIsTheKeyOfTheNext() throws Exception {
    var first = RsaKeyFile.loadOrCreate(dir);
    var second = RsaKeyFile.loadOrCreate(dir);
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(Long.toUnsignedString(first.fingerprint(), 16)).hasSize(16);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("rsa-key.pem")))).isEqualTo("rw-------");
    assertThat(dir.resolve("rsa-key.pem.tmp")).doesNotExist();
  }
}
