package dev.jgram;

import static dev.jgram.storage.StorageContractTest.fixtureSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.SessionLockedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients whose name is a file: {@code <workdir>/<name>.session}, kept across restarts. */
class ClientFileTest {
  @TempDir
  Path workdir;

  @Test
  void aPlainNameIsASessionFileInTheWorkdir() {
    try (Client app = Client.builder("my_account").workdir(workdir).build()) {
      assertThat(app.name()).isEqualTo("my_account");
      assertThat(app.storage().name()).contains(workdir.resolve("my_account.session").toString());
      assertThat(app.storage().session()).isEqualTo(Session.EMPTY);
    }
    assertThat(workdir.resolve("my_account.session")).isRegularFile();
  }

  @Test
  void theNameIsUsedVerbatim() {
    try (Client app = Client.builder("a.session").workdir(workdir).build()) {
      app.storage().save();
    }
    assertThat(workdir.resolve("a.session.session")).isRegularFile();
  }

  @Test
  void theSessionAndThePeersSurviveARestartWithTheDateOfTheLastClose() {
    long before = System.currentTimeMillis() / 1000;
    try (Client app = Client.builder("restart").workdir(workdir).build()) {
      app.storage().session(fixtureSession());
      app.storage().updatePeers(List.of(
          Peer.of(777000, 11L, PeerType.USER, List.of("durov"), "15550100")));
    }
    long after = System.currentTimeMillis() / 1000;
    try (Client app = Client.builder("restart").workdir(workdir).build()) {
      Session session = app.storage().session();
      assertThat(session.withDate(0)).isEqualTo(fixtureSession());
      assertThat(session.date()).isBetween(before, after);
      assertThat(app.resolvePeer("@durov")).isEqualTo(new InputPeer.User(777000, 11));
      assertThat(app.resolvePeer("+15550100")).isEqualTo(new InputPeer.User(777000, 11));
      assertThat(app.exportSessionString()).isEqualTo(
          PyrogramSessionString.encode(fixtureSession()));
    }
  }

  @Test
  void anApiIdFillsAPyrogram1FileThatHasNone() throws IOException {
    copyFixture("pyrogram-v2-v1.4.0.session", workdir.resolve("old.session"));
    try (Client app = Client.builder("old").workdir(workdir).build()) {
      assertThat(app.storage().session().apiId()).isNull();
      assertThatThrownBy(app::exportSessionString).hasMessageContaining("api_id is unknown");
    }
    try (Client app = Client.builder("old").workdir(workdir).apiId(12345).build()) {
      Session session = app.storage().session();
      assertThat(session.apiId()).isEqualTo(12345);
      assertThat(PyrogramSessionString.decode(app.exportSessionString()))
          .isEqualTo(session.withDate(0));
    }
    try (Client app = Client.builder("old").workdir(workdir).build()) {
      assertThat(app.storage().session().apiId()).isEqualTo(12345);
    }
  }

  @Test
  void aSecondClientOnTheSameFileIsRefusedNamingTheOwner() {
    try (Client first = Client.builder("shared").workdir(workdir).build()) {
      assertThatThrownBy(() -> Client.builder("shared").workdir(workdir).build())
          .isInstanceOf(SessionLockedException.class)
          .hasMessageContaining("shared.session");
      assertThat(first.storage().session()).isEqualTo(Session.EMPTY);
    }
    try (Client again = Client.builder("shared").workdir(workdir).build()) {
      assertThat(again.storage().session().dcId()).isEqualTo(2);
    }
  }

  @Test
  void withoutAWorkdirTheFileIsInTheCurrentDirectory() throws IOException {
    Path expected = Path.of("").toAbsolutePath().resolve("jgram_cwd_test.session");
    Files.deleteIfExists(expected);
    try (Client app = new Client("jgram_cwd_test")) {
      assertThat(app.storage().name()).contains(expected.toString());
    } finally {
      assertThat(expected).isRegularFile();
      try (Client app = new Client("jgram_cwd_test")) {
        app.storage().delete();
      }
    }
    assertThat(expected).doesNotExist();
  }

  private static void copyFixture(String name, Path target) throws IOException {
    try (InputStream in = ClientFileTest.class.getResourceAsStream("/fixtures/pyrogram/" + name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, target);
    }
  }
}
