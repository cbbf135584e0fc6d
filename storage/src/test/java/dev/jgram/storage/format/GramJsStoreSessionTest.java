package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GramJsStoreSessionTest {
  @TempDir Path tmp;
  private Path store;
  private JsonNode artifact;

  @BeforeEach
  void untarTheRealStore() throws Exception {
    InteropFixtures.untar("gramjs-store-user.tar", tmp);
    artifact = InteropFixtures.artifact("gramjs-store-user");
    store = tmp.resolve(artifact.path("folder_name").asText());
  }

  @Test
  void theUnpackedFolderHoldsExactlyTheFilesGramJsWrote() throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    artifact.path("files").fields().forEachRemaining(
        e -> hashes.put(e.getKey(), e.getValue().path("sha256").asText()));

    assertThat(sha256s(store)).isEqualTo(hashes);
  }

  @Test
  void gramJsStoreReadsAsTheSessionGramJsReadsBack() {
    PortableSession s = GramJsStoreSession.read(store);

    assertThat(s.dcId()).isEqualTo(2);
    assertThat(s.serverAddress()).isEqualTo("149.154.167.51");
    assertThat(s.port()).isEqualTo(443);
    assertThat(s.authKey()).isEqualTo(InteropFixtures.k1());
    assertThat(s.session().userId()).isNull();
    assertThat(s.session().testMode()).isFalse();
  }

  @Test
  void entityRowsBecomePeersWithTheirTypesFromTheMarkedIds() {
    List<Peer> peers = GramJsStoreSession.read(store).peers();

    assertThat(peers).extracting(Peer::id, Peer::accessHash, Peer::type, Peer::usernames,
        Peer::phoneNumber, Peer::lastUpdateOn).containsExactlyInAnyOrder(
        tuple(-1001234567890L, 987654321987654321L, PeerType.CHANNEL, List.of("somechannel"),
            null, 1700000000L),
        tuple(-1002222222222L, -77777777777L, PeerType.CHANNEL, List.of(), null, 1700000000L),
        tuple(-4242L, 0L, PeerType.GROUP, List.of(), null, 1700000000L),
        tuple(123456789L, -1234567890123456789L, PeerType.USER, List.of("someuser"),
            "15551234567", 1700000000L),
        tuple(5123456789L, 4242424242424242L, PeerType.USER, List.of("jgram_test_bot"), null,
            1700000000L),
        tuple(7123456789L, -458939926978231597L, PeerType.USER, List.of(), null, 1700000000L));
  }

  @Test
  void aFolderIsDetectedAsAGramJsStore() {
    DetectedSession d = SessionFormats.detect(store);

    assertThat(d.format()).isEqualTo(SessionFormat.GRAMJS_STORE);
    assertThat(d.notCarried()).containsExactly("api_id", "user_id", "is_bot");
  }

  @Test
  void aWrittenStoreMatchesGramJsByteForByteExceptTheNamesJgramDoesNotKeep() throws Exception {
    Path ours = tmp.resolve("copy").resolve("jgram_store");
    Files.createDirectories(ours.getParent());

    SessionFormats.write(GramJsStoreSession.read(store), SessionFormat.GRAMJS_STORE, ours);

    Map<String, String> theirs = contents(store);
    Map<String, String> mine = contents(ours);
    assertThat(mine.keySet()).isEqualTo(theirs.keySet());
    for (String key : List.of("jgram_store%3AauthKey", "jgram_store%3AdcId",
        "jgram_store%3Aport", "jgram_store%3AserverAddress")) {
      assertThat(mine.get(key)).as(key).isEqualTo(theirs.get(key));
    }
    assertThat(mine.get("jgram_store%3A123456789")).isEqualTo(
        "[\"123456789\",\"-1234567890123456789\",\"someuser\",\"15551234567\",null,"
            + "\"1700000000000\"]");
    assertThat(theirs.get("jgram_store%3A123456789")).isEqualTo(
        "[\"123456789\",\"-1234567890123456789\",\"someuser\",\"15551234567\",\"Ann Bee\","
            + "\"1700000000000\"]");
  }

  @Test
  void aWrittenStoreReadsBackToTheSameSession() throws Exception {
    Path out = tmp.resolve("fresh");
    PortableSession written = PortableSession.of(
        new Session(1, null, true, InteropFixtures.k1(), 0, null, null))
        .withPeers(List.of(new Peer(-1001L, 5L, PeerType.GROUP, List.of(), null, 1700000001L)));

    SessionFormats.write(written, SessionFormat.GRAMJS_STORE, out);
    PortableSession read = GramJsStoreSession.read(out);

    assertThat(read.serverAddress()).isEqualTo("149.154.175.10");
    assertThat(read.port()).isEqualTo(80);
    assertThat(read.session().testMode()).isTrue();
    assertThat(read.authKey()).isEqualTo(InteropFixtures.k1());
    assertThat(read.peers()).containsExactlyElementsOf(written.peers());
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.contains("jgram-"));
    }
  }

  @Test
  void aFolderWithoutAnAuthKeyFileIsNotAStore() throws Exception {
    Path empty = Files.createDirectory(tmp.resolve("empty"));

    assertThatThrownBy(() -> SessionFormats.detect(empty))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(empty + ": a folder, but not a GramJS StoreSession (no "
            + "<name>%3AauthKey file in it)");
  }

  @Test
  void aBrokenAuthKeyFileIsNamedInTheError() throws Exception {
    Path key = store.resolve("jgram_store%3AauthKey");
    Files.writeString(key, "{\"type\":\"Buffer\",\"data\":[" + "1,".repeat(255) + "300]}");

    assertThatThrownBy(() -> GramJsStoreSession.read(store))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(key + ": Buffer data item 255 is not a byte (0..255)");
  }

  @Test
  void aStoreWhoseKeyIsTooShortIsRefusedNamingTheFile() throws Exception {
    Path key = store.resolve("jgram_store%3AauthKey");
    Files.writeString(key, "{\"type\":\"Buffer\",\"data\":[1,2,3]}");

    assertThatThrownBy(() -> SessionFormats.detect(store))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(key + ": Buffer has 3 bytes; expected 256 (an auth key)");
  }

  private static Map<String, String> sha256s(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path f = it.next();
        out.put(f.getFileName().toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  private static Map<String, String> contents(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path f = it.next();
        out.put(f.getFileName().toString(),
            new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
