package dev.jgram;

import static dev.jgram.storage.StorageContractTest.FIXTURE_STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Pyrogram's rules for which engine a client's name and settings select. */
class StorageChoiceTest {
  private static final Path WORKDIR = Path.of("/srv/bot");

  private static StorageChoice byName(String name) {
    return StorageChoice.of(name, WORKDIR, false, null, null);
  }

  @Test
  void anyOtherNameIsAFileInTheWorkdirWithTheNameUsedVerbatim() {
    assertThat(byName("my_account")).isEqualTo(new StorageChoice.File(
        Path.of("/srv/bot/my_account.session")));
    assertThat(byName("a.session")).isEqualTo(new StorageChoice.File(
        Path.of("/srv/bot/a.session.session")));
    assertThat(byName("accounts/alice")).isEqualTo(new StorageChoice.File(
        Path.of("/srv/bot/accounts/alice.session")));
    assertThat(byName("My Account")).isEqualTo(new StorageChoice.File(
        Path.of("/srv/bot/My Account.session")));
  }

  @Test
  void theMemoryNameIsAnEmptyMemoryStorage() {
    assertThat(byName(":memory:")).isEqualTo(new StorageChoice.Memory());
  }

  @Test
  void aNameOf351CharactersWithoutWhitespaceIsASessionString() {
    assertThat(byName(FIXTURE_STRING)).isEqualTo(new StorageChoice.FromString(FIXTURE_STRING));
    String wrapped = FIXTURE_STRING.substring(0, 181) + "\n  " + FIXTURE_STRING.substring(181);
    assertThat(byName(wrapped)).isEqualTo(new StorageChoice.FromString(wrapped));
    String name351 = "x".repeat(351);
    assertThat(byName(name351)).isInstanceOf(StorageChoice.FromString.class);
  }

  @Test
  void aNameOf350CharactersIsStillAFileEvenWithWhitespaceMakingItLonger() {
    assertThat(byName("x".repeat(350))).isInstanceOf(StorageChoice.File.class);
    assertThat(byName("x".repeat(300) + " ".repeat(60) + "x".repeat(50)))
        .isInstanceOf(StorageChoice.File.class);
  }

  @Test
  void aSessionStringWinsOverInMemoryAndTheName() {
    assertThat(StorageChoice.of(":memory:", WORKDIR, true, FIXTURE_STRING, null))
        .isEqualTo(new StorageChoice.FromString(FIXTURE_STRING));
    assertThat(StorageChoice.of("my_account", WORKDIR, false, FIXTURE_STRING, null))
        .isEqualTo(new StorageChoice.FromString(FIXTURE_STRING));
  }

  @Test
  void anEmptySessionStringIsAFreshMemorySessionNeverAFile() {
    assertThat(StorageChoice.of("my_account", WORKDIR, false, "", null))
        .isEqualTo(new StorageChoice.Memory());
  }

  @Test
  void inMemoryWinsOverTheName() {
    assertThat(StorageChoice.of("my_account", WORKDIR, true, null, null))
        .isEqualTo(new StorageChoice.Memory());
  }

  @Test
  void aGivenStorageWinsOverEverything() {
    Storage mine = Storage.memory();
    assertThat(StorageChoice.of(FIXTURE_STRING, WORKDIR, true, FIXTURE_STRING, mine))
        .isEqualTo(new StorageChoice.Given(mine));
  }

  @Test
  void aChoiceNeverPrintsTheSessionString() {
    assertThat(byName(FIXTURE_STRING).toString())
        .isEqualTo("FromString[362 characters]");
  }

  @Test
  void gotdJsonAsTheNameIsASessionStringButOtherBracedNamesAreFiles() throws Exception {
    String gotd;
    try (var in = StorageChoiceTest.class.getResourceAsStream(
        "/fixtures/interop/gotd-from-telethon-ipv4-prod-dc2-k1.json")) {
      gotd = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(byName(gotd)).isEqualTo(new StorageChoice.FromString(gotd));
    assertThat(byName("{draft}")).isEqualTo(new StorageChoice.File(
        Path.of("/srv/bot/{draft}.session")));
    assertThat(byName("{\"Version\":1}")).isInstanceOf(StorageChoice.File.class);
  }
}
