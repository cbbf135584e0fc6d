package dev.jgram.peers;

import static dev.jgram.peers.PeerObjects.minChannel;
import static dev.jgram.peers.PeerObjects.minUser;
import static dev.jgram.peers.PeerObjects.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Storage;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ResultPeers#apply} against the memory engine and, for the same cases, the file one. */
class ResultPeersStorageTest {
  @TempDir Path dir;

  private Storage storage;

  private Storage open(String engine) {
    storage = engine.equals("file") ? Storage.file(dir.resolve("peers.session")) : Storage.memory();
    storage.open();
    return storage;
  }

  @AfterEach
  void close() {
    if (storage != null) {
      storage.close();
    }
  }

  private static TlObject updates(TlObject... users) {
    return TlObject.of("updates", "updates", List.of(), "users", List.of(users),
        "chats", List.of(), "date", 1, "seq", 0);
  }

  private Peer stored(long id) {
    return storage.peer(id).orElseThrow().withLastUpdateOn(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aMinUserNeverOverwritesAStoredAccessHash(String engine) {
    open(engine);
    ResultPeers.apply(storage, updates(user(1, 111, "alice", "15550001")));

    ResultPeers.apply(storage, updates(minUser(1, 999, "alice_new")));

    assertThat(stored(1)).isEqualTo(
        Peer.of(1, 111L, PeerType.USER, List.of("alice_new"), "15550001"));
    assertThat(storage.peerByUsername("alice_new")).isEqualTo(new InputPeer.User(1, 111));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aMinChannelNeverOverwritesAStoredAccessHash(String engine) {
    open(engine);
    long id = -1_000_000_000_005L;
    ResultPeers.apply(storage, updates().with("chats", List.of(
        PeerObjects.channel(5, 555, "chan", false))));

    ResultPeers.apply(storage, updates().with("chats", List.of(minChannel(5, 1, null))));

    assertThat(stored(id)).isEqualTo(
        Peer.of(id, 555L, PeerType.SUPERGROUP, List.of("chan"), null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aMinPeerThatIsNotCachedIsNotWritten(String engine) {
    open(engine);

    List<Peer> written = ResultPeers.apply(storage, updates(minUser(2, 222, "bob")));

    assertThat(written).isEmpty();
    assertThat(storage.peer(2)).isEmpty();
    assertThatThrownBy(() -> storage.peerByUsername("bob"))
        .isInstanceOf(PeerNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void everyActiveUsernameResolvesToThePeer(String engine) {
    open(engine);
    TlObject user = user(3, 333, "Main", null).with("usernames", PeerObjects.usernames(
        PeerObjects.username("Main", true), PeerObjects.username("Extra", true),
        PeerObjects.username("Gone", false)));

    ResultPeers.apply(storage, updates(user));

    assertThat(storage.peerByUsername("main")).isEqualTo(new InputPeer.User(3, 333));
    assertThat(storage.peerByUsername("extra")).isEqualTo(new InputPeer.User(3, 333));
    assertThatThrownBy(() -> storage.peerByUsername("gone"))
        .isInstanceOf(PeerNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aPeerSeenAgainReplacesItsRow(String engine) {
    open(engine);
    ResultPeers.apply(storage, updates(user(4, 444, "old", "15550004")));

    ResultPeers.apply(storage, updates(user(4, 445, "new", null).with("bot", true)));

    assertThat(stored(4)).isEqualTo(Peer.of(4, 445L, PeerType.BOT, List.of("new"), null));
    assertThatThrownBy(() -> storage.peerByUsername("old"))
        .isInstanceOf(PeerNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aUserWithoutAccessHashKeepsTheStoredOne(String engine) {
    open(engine);
    ResultPeers.apply(storage, updates(user(6, 666, "six", null)));

    ResultPeers.apply(storage, updates(TlObject.of("user", "id", 6L, "username", "Six2")));

    assertThat(stored(6)).isEqualTo(Peer.of(6, 666L, PeerType.USER, List.of("six2"), null));
  }

  @Test
  void theFileEngineKeepsTheRowsAcrossARestart() {
    open("file");
    ResultPeers.apply(storage, updates(user(7, 777, "seven", "15550007")));
    ResultPeers.apply(storage, updates(minUser(7, 1, null)));
    storage.close();

    storage = Storage.file(dir.resolve("peers.session"));
    storage.open();

    assertThat(storage.peerByPhoneNumber("15550007")).isEqualTo(new InputPeer.User(7, 777));
    assertThat(storage.peerByUsername("seven")).isEqualTo(new InputPeer.User(7, 777));
  }

  @Test
  void aMinPeerThatChangesNothingWritesNothing() {
    open("memory");
    ResultPeers.apply(storage, updates(user(8, 888, "eight", null)));

    assertThat(ResultPeers.apply(storage, updates(minUser(8, 1, "eight")))).isEmpty();
    assertThat(ResultPeers.apply(storage, updates(minUser(8, 1, null)))).isEmpty();
  }

  @Test
  void oneAnswerIsWrittenWithOneUpdatePeersCall() {
    Storage memory = open("memory");
    AtomicInteger writes = new AtomicInteger();
    Storage counting = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
        new Class<?>[] {Storage.class}, (proxy, method, args) -> {
          if (method.getName().equals("updatePeers")) {
            writes.incrementAndGet();
          }
          return method.invoke(memory, args);
        });
    TlObject answer = updates(user(9, 999, null, null), user(10, 1000, null, null))
        .with("chats", List.of(PeerObjects.chat(11), PeerObjects.channel(12, 1200, null, true)));

    List<Peer> written = ResultPeers.apply(counting, answer);
    ResultPeers.apply(counting, updates());

    assertThat(written).extracting(Peer::id)
        .containsExactly(9L, 10L, -11L, -1_000_000_000_012L);
    assertThat(writes).hasValue(1);
    assertThat(memory.peerCount()).isEqualTo(4);
  }
}
