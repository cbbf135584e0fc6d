package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving sessions between the formats and a jgram {@code Storage} (Pyrogram files). */
class StorageTransferTest {
  @TempDir Path dir;

  @Test
  void aTelethonFileIsStoredWithPeersTimestampsUpdatesAndTheFlagsTheUserSupplies()
      throws Exception {
    PortableSession telethon = TelethonSessionFile.read(
        InteropFixtures.copy("telethon-v7-user.session", dir));
    MapStorage storage = new MapStorage();

    SessionFormats.store(telethon.withApiId(12345).withUserId(7123456789L).withIsBot(false),
        storage);

    assertThat(storage.session).isEqualTo(
        new Session(2, 12345L, false, InteropFixtures.k1(), 0, 7123456789L, false));
    assertThat(storage.peers.values()).containsExactlyInAnyOrderElementsOf(telethon.peers());
    assertThat(storage.state).isEqualTo(telethon.updateState());
    assertThat(storage.channelPts).isEqualTo(telethon.channelPts());
  }

  @Test
  void storingWithoutPyrogramsFieldsWritesNothing() {
    MapStorage storage = new MapStorage();
    PortableSession telethon = SessionFormats.detect(DetectionTableTest.TELETHON4).session();

    assertThatThrownBy(() -> SessionFormats.store(telethon, storage))
        .isInstanceOf(MissingSessionFieldsException.class)
        .hasMessageStartingWith("cannot write pyrogram-file: the session lacks api_id (--api-id), "
            + "user_id (--user-id), is_bot (--bot)");
    assertThat(storage.writes).isZero();
  }

  @Test
  void aStorageReadsBackIntoAPortableSessionThatConvertsToTelethon() throws Exception {
    MapStorage storage = new MapStorage();
    PortableSession original = TelethonSessionFileTest.sample()
        .withApiId(1).withIsBot(false);
    SessionFormats.store(original, storage);

    PortableSession read = SessionFormats.read(storage);
    Path file = dir.resolve("from-storage.session");
    SessionFormats.write(read, SessionFormat.TELETHON_FILE, file);

    PortableSession back = TelethonSessionFile.read(file);
    assertThat(back.authKey()).isEqualTo(original.authKey());
    assertThat(back.session().userId()).isEqualTo(7123456789L);
    assertThat(back.updateState()).isEqualTo(original.updateState());
    assertThat(back.channelPts()).isEqualTo(original.channelPts());
    assertThat(back.peers()).hasSize(2);
  }

  @Test
  void anArgumentNamingAnExistingFileIsReadAsAFileAndAnythingElseAsAString() throws Exception {
    Path file = InteropFixtures.copy("telethon-v7-user.session", dir);

    assertThat(SessionFormats.detectArgument(file.toString()).format())
        .isEqualTo(SessionFormat.TELETHON_FILE);
    assertThat(SessionFormats.detectArgument(DetectionTableTest.GRAMJS14).format())
        .isEqualTo(SessionFormat.GRAMJS_STRING);
    assertThat(SessionFormats.detectArgument(" " + DetectionTableTest.TELETHON4 + "\n").format())
        .isEqualTo(SessionFormat.TELETHON_STRING);
    assertThat(Files.exists(dir.resolve(DetectionTableTest.TELETHON4.substring(0, 10))))
        .isFalse();
  }
}
