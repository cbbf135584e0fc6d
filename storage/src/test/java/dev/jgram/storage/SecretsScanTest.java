package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret: the auth key (hex in both cases, base64 in both alphabets, padded or
 * not, at every alignment), the session string, a raw encryption key and a passphrase appear
 * in no {@code toString()} of a value type and in no exception message (with its causes)
 * produced by bad input: mutated strings of every format, refused files, wrong keys, locked
 * and revoked sessions, and values the encoders refuse; nor in any line logged, at any level,
 * while each of these tests runs.
 */
class SecretsScanTest {
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir
  Path dir;

  private final AuthKey key = new RandomData(0x5ec).authKey();
  private final Session session = new Session(2, 12345L, false, key, 0, 42L, false);
  private final String string = PyrogramSessionString.encode(session);
  private final byte[] rawKey = new byte[32];
  private final SecretForms secrets;
  private int scanned;
  private LogCapture log;

  SecretsScanTest() {
    new Random(0x5ec).nextBytes(rawKey);
    secrets = new SecretForms().bytes("auth key", key.bytes()).text("session string", string)
        .bytes("raw encryption key", rawKey).text("passphrase", PASSPHRASE);
  }

  @BeforeEach
  void captureLogs() {
    log = LogCapture.start();
  }

  @AfterEach
  void noLogLineShowsASecret() {
    try {
      assertThat(secrets.leakIn(log.text())).as("log output leaks a secret: %s", log.text())
          .isNull();
    } finally {
      log.close();
    }
  }

  private void assertClean(String what, String text) {
    scanned++;
    assertThat(secrets.leakIn(text)).as("%s leaks a secret: %s", what, text).isNull();
  }

  private void assertClean(String what, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertClean(what + " (" + c.getClass().getSimpleName() + ")", c.toString());
    }
  }

  /** Runs {@code action}; if it throws, scans the exception. Returns whether it threw. */
  private boolean expectFailure(String what, Runnable action) {
    try {
      action.run();
      return false;
    } catch (RuntimeException e) {
      assertClean(what, e);
      return true;
    }
  }

  @Test
  void theScannerFindsEveryFormOfTheSecrets() {
    byte[] k = key.bytes();
    String hex = java.util.HexFormat.of().formatHex(k);
    for (String form : List.of(hex, hex.toUpperCase(java.util.Locale.ROOT),
        Base64.getEncoder().encodeToString(k), Base64.getUrlEncoder().withoutPadding()
            .encodeToString(java.util.Arrays.copyOfRange(k, 100, 130)),
        string.substring(200, 230), string.replace('-', '+').replace('_', '/'), PASSPHRASE,
        Base64.getEncoder().encodeToString(rawKey))) {
      assertThat(secrets.leakIn("message: " + form + " end")).as(form).isNotNull();
    }
    assertThat(secrets.leakIn(key.toString() + " " + key.idHex())).isNull();
  }

  @Test
  void noValueTypeShowsASecretInToString() {
    SessionEncryption byPassphrase = SessionEncryption.passphrase(PASSPHRASE.toCharArray(), 10);
    SessionEncryption byKey = SessionEncryption.rawKey(rawKey);
    SessionEncryption fromEnv = SessionEncryption.fromEnvironment(
        Map.of(SessionEncryption.KEY_VARIABLE, Base64.getEncoder().encodeToString(rawKey)));
    PortableSession portable = PortableSession.of(session, "149.154.167.51", 443);
    List<Object> values = List.of(key, session, portable, SessionFormats.detect(string),
        StorageConfig.DEFAULTS.withEncryption(byPassphrase), byPassphrase, byKey, fromEnv,
        Storage.fromSessionString(string), new UpdateState(1, 2, 3, 4),
        Peer.of(5, 6L, PeerType.USER, List.of("u"), "7"), InputPeer.of(5, PeerType.USER, 6));
    for (Object v : values) {
      assertClean(v.getClass().getSimpleName() + ".toString()", v.toString());
    }
    assertThat(scanned).isEqualTo(values.size());
  }

  @Test
  void noMessageAboutAMutatedStringOfAnyFormatShowsASecret() {
    List<String> seeds = new ArrayList<>(List.of(string));
    PortableSession portable = PortableSession.of(session, "149.154.167.51", 443);
    for (SessionFormat f : List.of(SessionFormat.TELETHON_STRING, SessionFormat.GRAMJS_STRING,
        SessionFormat.MTCUTE_STRING, SessionFormat.GOTD_JSON)) {
      seeds.add(SessionFormats.encode(portable, f));
    }
    SecretForms all = secrets;
    for (String s : seeds) {
      all.text("encoding", s);
    }
    Mutator mutator = new Mutator(0x5ec);
    List<Consumer<String>> decoders = List.of(PyrogramSessionString::decode,
        SessionFormats::detect, Storage::fromSessionString,
        s -> SessionFormats.decode(SessionFormat.TELETHON_STRING, s),
        s -> SessionFormats.decode(SessionFormat.GRAMJS_STRING, s),
        s -> SessionFormats.decode(SessionFormat.MTCUTE_STRING, s),
        s -> SessionFormats.decode(SessionFormat.GOTD_JSON, s));
    for (int i = 0; i < 3_000; i++) {
      String input = mutator.mutate(seeds.get(i % seeds.size()));
      if (input.length() > 100_000) {
        continue;
      }
      for (Consumer<String> d : decoders) {
        expectFailure("decoding case " + i, () -> d.accept(input));
      }
    }
    assertThat(scanned).as("messages scanned").isGreaterThan(10_000);
    System.out.println("secrets: " + scanned + " exception messages of mutated strings scanned");
  }

  @Test
  void noMessageAboutARefusedFileAWrongKeyOrARevokedSessionShowsASecret() throws Exception {
    Path file = dir.resolve("secret.session");
    StorageConfig right = StorageConfig.DEFAULTS.withEncryption(
        SessionEncryption.passphrase(PASSPHRASE.toCharArray(), 1_000));
    try (Storage s = Storage.file(file, right)) {
      s.open();
      s.session(session);
      assertThat(expectFailure("second opener", () -> Storage.file(file, right).open())).isTrue();
      s.revokeKey("AUTH_KEY_DUPLICATED");
      assertThat(expectFailure("revoked export", s::exportSessionString)).isTrue();
    }
    assertThat(expectFailure("no key", () -> Storage.file(file).open())).isTrue();
    assertThat(expectFailure("wrong passphrase", () -> Storage.file(file, StorageConfig.DEFAULTS
        .withEncryption(SessionEncryption.passphrase("wrong".toCharArray(), 1_000))).open()))
        .isTrue();
    assertThat(expectFailure("wrong raw key", () -> Storage.file(file, StorageConfig.DEFAULTS
        .withEncryption(SessionEncryption.rawKey(rawKey))).open())).isTrue();
    Path plain = dir.resolve("plain.session");
    try (Storage s = Storage.file(plain)) {
      s.open();
      s.session(session);
    }
    FileMutations mutations = new FileMutations(0x5ec);
    for (int i = 0; i < 60; i++) {
      Path copy = dir.resolve("m" + i + ".session");
      Files.copy(plain, copy);
      mutations.mutate(copy);
      expectFailure("damaged file " + i, () -> {
        try (Storage s = Storage.file(copy)) {
          s.open();
          s.session();
          s.exportSessionString();
        }
      });
    }
    assertThat(scanned).isGreaterThan(10);
  }

  @Test
  void noMessageOfARefusedValueShowsASecret() {
    String shortKey = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(rawKey, 31));
    List<Runnable> refusals = List.of(
        () -> PyrogramSessionString.encode(session.withApiId(null)),
        () -> PyrogramSessionString.encode(session.withDcId(300)),
        () -> PyrogramSessionString.encode(session.withUserId(-1L)),
        () -> SessionFormats.encode(PortableSession.of(session.withDcId(9)),
            SessionFormat.TELETHON_STRING),
        () -> SessionFormats.encode(PortableSession.of(session.withTestMode(null)),
            SessionFormat.MTCUTE_STRING),
        () -> AuthKey.of(java.util.Arrays.copyOf(key.bytes(), 255)),
        () -> SessionEncryption.rawKey(java.util.Arrays.copyOf(rawKey, 31)),
        () -> SessionEncryption.fromEnvironment(Map.of(SessionEncryption.KEY_VARIABLE, shortKey)),
        () -> SessionEncryption.fromEnvironment(Map.of(SessionEncryption.KEY_VARIABLE,
            shortKey + "!")),
        () -> PyrogramSessionString.decode(string + "A"),
        () -> PyrogramSessionString.decode(string.substring(1)));
    for (int i = 0; i < refusals.size(); i++) {
      assertThat(expectFailure("refused value " + i, refusals.get(i))).as("refusal %d", i)
          .isTrue();
    }
  }
}
