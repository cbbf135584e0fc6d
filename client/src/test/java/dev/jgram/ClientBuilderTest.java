package dev.jgram;

import static dev.jgram.storage.StorageContractTest.FIXTURE_STRING;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every setting is validated up front, with an exact message. */
class ClientBuilderTest {
  @Test
  void aNameIsRequired() {
    assertThatThrownBy(() -> Client.builder(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name is required");
    assertThatThrownBy(() -> new Client(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name is required");
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> Client.builder(" \n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
  }

  @Test
  void anApiIdMustBePositiveAndFitPyrogramsUnsigned32Bits() {
    String range = "apiId must be 1 to 4294967295 (an unsigned 32-bit number, as Pyrogram "
        + "stores it), was ";
    assertThatThrownBy(() -> Client.builder("a").apiId(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(range + "0");
    assertThatThrownBy(() -> Client.builder("a").apiId(-7))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(range + "-7");
    assertThatThrownBy(() -> Client.builder("a").apiId(4294967296L))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(range + "4294967296");
  }

  @Test
  void nullSettingsAreRefusedByName() {
    assertThatThrownBy(() -> Client.builder("a").workdir(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("workdir is required");
    assertThatThrownBy(() -> Client.builder("a").storage(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("storage is required");
    assertThatThrownBy(() -> Client.builder("a").usernameTtl(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("usernameTtl is required");
    assertThatThrownBy(() -> Client.builder("a").sessionString(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(
            "sessionString is required; use inMemory(true) for an empty in-memory session");
  }

  @Test
  void aNegativeUsernameTtlIsRefused() {
    assertThatThrownBy(() -> Client.builder("a").usernameTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usernameTtl must not be negative, was PT-1S");
  }

  @Test
  void aGivenStorageExcludesTheSettingsOfStoragesTheClientCreates() {
    String tail = ": it applies only to storages the client creates; configure the storage itself";
    assertThatThrownBy(() -> Client.builder("a").storage(Storage.memory())
        .sessionString(FIXTURE_STRING).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("storage(...) cannot be combined with sessionString(...)" + tail);
    assertThatThrownBy(() -> Client.builder("a").storage(Storage.memory()).inMemory(true).build())
        .hasMessage("storage(...) cannot be combined with inMemory(true)" + tail);
    assertThatThrownBy(() -> Client.builder("a").storage(Storage.memory())
        .workdir(Path.of("/tmp")).build())
        .hasMessage("storage(...) cannot be combined with workdir(...)" + tail);
    assertThatThrownBy(() -> Client.builder("a").storage(Storage.memory())
        .usernameTtl(Duration.ofHours(1)).build())
        .hasMessage("storage(...) cannot be combined with usernameTtl(...)" + tail);
  }
}
