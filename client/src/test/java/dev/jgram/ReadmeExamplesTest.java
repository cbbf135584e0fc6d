package dev.jgram;

import static dev.jgram.storage.StorageContractTest.fixtureSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's three storage examples, Pyrogram's "storage engines" page in Java, and
 * compiles its going-online example. Each example is the body of one method below, between {@code README begin} and
 * {@code README end}; the README shows exactly that text. The tests run in {@code target/}
 * (see the surefire configuration), so {@code my_account.session} lands there.
 */
class ReadmeExamplesTest {
  private static final Path SESSION = Path.of("my_account.session");
  private static final Path SOURCE =
      Path.of("..", "src", "test", "java", "dev", "jgram", "ReadmeExamplesTest.java");
  private static final Path README = Path.of("..", "..", "README.md");

  static void fileStorage() {
    // README begin: file
    try (var app = new Client("my_account")) {   // my_account.session in the current directory
      Session session = app.storage().session();
      System.out.println(session.isAuthorized() ? "logged in as " + session.userId()
          : "not logged in yet");
    }
    // README end
  }

  static void memoryStorage() {
    // README begin: memory
    try (var app = Client.builder("my_account").inMemory(true).build()) {  // or new Client(":memory:")
      System.out.println(app.storage().name());   // ":memory:", nothing touches the disk
    }
    // README end
  }

  static void sessionString() {
    // README begin: session string
    String sessionString;
    try (var app = new Client("my_account")) {             // a logged-in session file
      sessionString = app.exportSessionString();          // 362 characters: keep it secret
    }
    try (var app = Client.builder("my_account").sessionString(sessionString).build()) {
      System.out.println(app.storage().session().userId());  // the same account, from memory
    }
    // README end
  }

  /**
   * The README's going-online example: compiled, never run here (it would dial Telegram; the
   * same calls run against local DCs in ClientOnlineTest and ClientAgainstServicesTest).
   */
  static void goingOnline() {
    // README begin: going online
    try (var app = Client.builder("my_bot").apiId(12345).apiHash("0123456789abcdef0123456789abcdef")
        .build()) {
      User me = app.loginBot("123456:ABC-DEF");   // first run: one key exchange, one login
      app.getMe();                                // later runs: the stored key, no login call
      Object config = app.invoke(TlObject.of("help.getConfig"));
    }
    // README end
  }

  @BeforeEach
  @AfterEach
  void removeTheSessionFile() throws IOException {
    Files.deleteIfExists(SESSION);
  }

  @Test
  void theFileExampleCreatesMyAccountSessionAndReadsItBack() {
    assertThat(printed(ReadmeExamplesTest::fileStorage)).isEqualTo("not logged in yet\n");
    assertThat(SESSION).isRegularFile();
    logIn();
    assertThat(printed(ReadmeExamplesTest::fileStorage)).isEqualTo("logged in as 987654321\n");
  }

  @Test
  void theMemoryExampleWritesNoFile() {
    assertThat(printed(ReadmeExamplesTest::memoryStorage)).isEqualTo(":memory:\n");
    assertThat(SESSION).doesNotExist();
  }

  @Test
  void theSessionStringExampleCarriesTheAccountIntoMemory() {
    logIn();
    assertThat(printed(ReadmeExamplesTest::sessionString)).isEqualTo("987654321\n");
  }

  @Test
  void theThreeExamplesCanBeCutFromThisFile() throws IOException {
    List<String> snippets = snippets(Files.readString(SOURCE));
    assertThat(snippets).hasSize(4);
    assertThat(snippets.get(0)).startsWith("try (var app = new Client(\"my_account\"))");
    assertThat(snippets.get(2)).startsWith("String sessionString;").endsWith("}");
    assertThat(snippets.get(3)).startsWith("try (var app = Client.builder(\"my_bot\")");
  }

  @Test
  void theReadmeShowsExactlyTheseExamples() throws IOException {
    List<String> shown = javaBlocks(Files.readString(README)).stream()
        .filter(block -> block.contains("Client")).toList();
    assertThat(shown).containsExactlyInAnyOrderElementsOf(snippets(Files.readString(SOURCE)));
  }

  /** Logs "my_account" in the only way possible without a network: writes a session. */
  private static void logIn() {
    try (Storage storage = Storage.file(SESSION)) {
      storage.open();
      storage.session(fixtureSession());
    }
  }

  private static String printed(Runnable example) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  /** The text between each {@code README begin} and {@code README end}, de-indented. */
  static List<String> snippets(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("// README begin: [^\n]*\n(.*?)\n[ ]*// README end", Pattern.DOTALL)
        .matcher(source);
    while (m.find()) {
      out.add(m.group(1).stripIndent().strip());
    }
    return out;
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      out.add(m.group(1).stripIndent().strip());
    }
    return out;
  }
}
