package dev.jgram.testdc.services;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The services' durable state: an append-only journal of the mutations, replayed in order on
 * open and then rewritten compactly (to a temporary file, forced, and atomically moved over the
 * old one). Each append is one line, written with one system call before the mutation takes
 * effect, so the journal survives the process dying at any point; it is forced to disk on
 * close, not on every append (a forced write costs milliseconds, and a test cluster logging in
 * thousands of sessions cannot wait for each), so a power cut may lose the last lines. A torn
 * last line (no line break) is ignored on replay.
 *
 * <pre>
 * testdc-state.journal          UTF-8 text, lines ending in '\n'
 *   jgram-testdc-state  1       header: magic, format version
 *   secret   hex                the access-hash secret
 *   account  id bot phone first last username home_dc bot_secret salt1 salt2 g p v
 *   auth     key_id user_id dc_id imported date
 *   unbind   key_id                    (logged out, or revoked with AUTH_KEY_UNREGISTERED)
 *   revoke   key_id                    (revoked with SESSION_REVOKED)
 *   msg      owner id peer from out date pts text
 *   seq      owner seq date
 *   channel  id title username broadcast creator date
 *   member   channel_id user_id
 *   cmsg     channel_id id from date pts text
 * </pre>
 *
 * Fields are tab-separated and URL-encoded ({@link JournalLine}); byte arrays are hex; booleans
 * are {@code 0}/{@code 1}; {@code ~} is null.
 */
final class Journal implements AutoCloseable {
  static final String FILE_NAME = "testdc-state.journal";
  private static final String HEADER = "jgram-testdc-state\t1";

  private final Path file;
  private FileChannel channel;

  private Journal(Path file) {
    this.file = file;
  }

  /** A journal that keeps nothing: state lives in memory only. */
  static Journal inMemory() {
    return new Journal(null);
  }

  /** Opens the journal in {@code dir} (created if missing), replaying each line to apply. */
  static Journal open(Path dir, Consumer<List<String>> apply) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      if (Files.exists(file)) {
        replay(file, Files.readString(file, StandardCharsets.UTF_8), apply);
      }
    } catch (IOException e) {
      throw new StateFileException(file, "cannot read the state journal", e);
    }
    return new Journal(file);
  }

  private static void replay(Path file, String text, Consumer<List<String>> apply) {
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(HEADER)) {
      throw new StateFileException(file, "not a testdc state journal: expected the header '"
          + HEADER.replace('\t', ' ') + "'", null);
    }
    int complete = lines.length - 1;
    for (int i = 1; i < complete; i++) {
      try {
        apply.accept(JournalLine.decode(lines[i]));
      } catch (RuntimeException e) {
        throw new StateFileException(file, "line " + (i + 1) + " is malformed: " + e.getMessage(),
            e);
      }
    }
  }

  /** Replaces the file with these lines (atomically) and opens it for appends. */
  void rewrite(List<List<String>> lines) {
    if (file == null) {
      return;
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (List<String> line : lines) {
      text.append(JournalLine.encode(line)).append('\n');
    }
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      close();
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeFully(out, text.toString());
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StateFileException(file, "cannot write the state journal", e);
    }
  }

  /** Appends one line (see the class comment for what that guarantees). */
  void append(List<String> fields) {
    if (file == null) {
      return;
    }
    if (channel == null) {
      throw new IllegalStateException("the services are closed; " + file + " takes no more");
    }
    try {
      writeFully(channel, JournalLine.encode(fields) + "\n");
    } catch (IOException e) {
      throw new StateFileException(file, "cannot append to the state journal", e);
    }
  }

  private static void writeFully(FileChannel out, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.force(true);
        channel.close();
      } catch (IOException e) {
        throw new StateFileException(file, "cannot close the state journal", e);
      } finally {
        channel = null;
      }
    }
  }
}
