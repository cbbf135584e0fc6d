package dev.jgram;

import static dev.jgram.storage.StorageContractTest.FIXTURE_LEGACY_STRING;
import static dev.jgram.storage.StorageContractTest.FIXTURE_STRING;
import static dev.jgram.storage.StorageContractTest.fixtureSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's engine choice, builder, lifecycle and session handling (memory engines). */
class ClientTest {
  @TempDir
  Path workdir;

  @Test
  void theMemoryNameOpensAnEmptyMemoryStorageAtOnce() {
    try (Client app = new Client(":memory:")) {
      assertThat(app.name()).isEqualTo(":memory:");
      assertThat(app.storage().name()).isEqualTo(":memory:");
      assertThat(app.storage().session()).isEqualTo(Session.EMPTY);
      assertThat(app.storage().peerCount()).isZero();
    }
  }

  @Test
  void aSessionStringNameOpensThatSessionAndExportsItUnchanged() {
    try (Client app = new Client(FIXTURE_STRING)) {
      assertThat(app.storage().session()).isEqualTo(fixtureSession());
      assertThat(app.exportSessionString()).isEqualTo(FIXTURE_STRING);
      assertThat(app.name()).isEqualTo(":memory:");
      assertThat(app.toString()).doesNotContain(FIXTURE_STRING.substring(0, 20));
    }
  }

  @Test
  void aWrappedSessionStringNameIsReadToo() {
    String wrapped = FIXTURE_STRING.substring(0, 100) + "\n" + FIXTURE_STRING.substring(100)
        + "\n";
    try (Client app = new Client(wrapped)) {
      assertThat(app.storage().session()).isEqualTo(fixtureSession());
    }
  }

  @Test
  void aBrokenSessionStringNameFailsInTheConstructorWithoutQuotingIt() {
    String broken = FIXTURE_STRING.substring(0, 358);
    assertThatThrownBy(() -> new Client(broken))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("358 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken.substring(0, 20)));
  }

  @Test
  void theBuildersSessionStringWinsOverTheNameAndKeepsTheName() {
    try (Client app = Client.builder("my_account").workdir(workdir).inMemory(true)
        .sessionString(FIXTURE_STRING).build()) {
      assertThat(app.name()).isEqualTo("my_account");
      assertThat(app.storage().session()).isEqualTo(fixtureSession());
    }
    assertThat(workdir).isEmptyDirectory();
  }

  @Test
  void aSessionStringUsedAsTheBuildersNameIsNeverRepeated() {
    try (Client app = Client.builder(FIXTURE_STRING).sessionString(FIXTURE_LEGACY_STRING)
        .build()) {
      assertThat(app.name()).isEqualTo(":memory:");
      assertThat(app.storage().session().apiId()).isNull();
    }
  }

  @Test
  void inMemoryKeepsNothingOnDisk() {
    try (Client app = Client.builder("my_account").workdir(workdir).inMemory(true).build()) {
      assertThat(app.storage().name()).isEqualTo(":memory:");
      app.storage().session(fixtureSession());
    }
    assertThat(workdir).isEmptyDirectory();
  }

  @Test
  void anApiIdFillsASessionThatHasNone() {
    try (Client app = Client.builder("legacy").sessionString(FIXTURE_LEGACY_STRING)
        .apiId(12345).build()) {
      assertThat(app.storage().session().apiId()).isEqualTo(12345);
      assertThat(app.exportSessionString()).isEqualTo(FIXTURE_STRING);
    }
  }

  @Test
  void withoutAnApiIdALegacySessionCannotBeExportedAndSaysWhy() {
    try (Client app = new Client(FIXTURE_LEGACY_STRING)) {
      assertThat(app.storage().session().apiId()).isNull();
      assertThatThrownBy(app::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("api_id is unknown");
    }
  }

  @Test
  void aStoredApiIdIsKept() {
    try (Client app = Client.builder("x").sessionString(FIXTURE_STRING).apiId(999).build()) {
      assertThat(app.storage().session().apiId()).isEqualTo(12345);
    }
  }

  @Test
  void theUsernameTtlReachesTheStorage() {
    long nineHoursAgo = System.currentTimeMillis() / 1000 - 9 * 3600;
    Peer seen = Peer.of(5, 6L, PeerType.USER, List.of("nine_hours"), null)
        .withLastUpdateOn(nineHoursAgo);
    try (Client pyrogramTtl = new Client(":memory:");
        Client longTtl = Client.builder("x").inMemory(true).usernameTtl(Duration.ofHours(10))
            .build()) {
      pyrogramTtl.storage().restorePeers(List.of(seen));
      longTtl.storage().restorePeers(List.of(seen));
      assertThatThrownBy(() -> pyrogramTtl.resolvePeer("nine_hours"))
          .isInstanceOf(PeerNotFoundException.class)
          .hasMessage("Username expired: nine_hours");
      assertThat(longTtl.resolvePeer("nine_hours")).isEqualTo(new InputPeer.User(5, 6));
    }
  }

  @Test
  void aGivenStorageIsOpenedByTheClientSavedAndClosedOnClose() {
    TestClock clock = new TestClock(1_700_000_000L);
    Storage memory = Storage.memory(StorageConfig.DEFAULTS.withClock(clock));
    List<String> calls = new ArrayList<>();
    AtomicReference<Session> atClose = new AtomicReference<>();
    Storage recorded = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
        new Class<?>[] {Storage.class}, (proxy, method, args) -> {
          calls.add(method.getName());
          if (method.getName().equals("close") && atClose.get() == null) {
            atClose.set(memory.session());
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Client app = Client.builder("custom").storage(recorded).build();
    assertThat(app.storage()).isSameAs(recorded);
    app.storage().session(fixtureSession());
    clock.advance(60);
    app.close();
    app.close();
    assertThat(calls).startsWith("open").endsWith("save", "close");
    assertThat(calls.stream().filter("close"::equals)).hasSize(1);
    assertThat(atClose.get()).isEqualTo(fixtureSession().withDate(1_700_000_060L));
  }

  @Test
  void closingAfterTheStorageWasDeletedIsQuiet() {
    Client app = new Client(":memory:");
    app.storage().delete();
    app.close();
    assertThatThrownBy(() -> app.storage().session()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClosedClientRefusesLookupsWithIllegalState() {
    Client app = new Client(":memory:");
    app.close();
    assertThatThrownBy(() -> app.resolvePeer(1L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(":memory:: storage is closed");
  }

  @Test
  void nothingIsWrittenToTheWorkdirBySessionStringClients() throws Exception {
    try (Client app = Client.builder(FIXTURE_STRING).workdir(workdir).build()) {
      app.storage().save();
    }
    try (var files = Files.list(workdir)) {
      assertThat(files).isEmpty();
    }
  }
}
