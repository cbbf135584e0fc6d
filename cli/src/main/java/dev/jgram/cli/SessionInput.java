package dev.jgram.cli;

import dev.jgram.storage.format.SessionName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A session named on the command line: a file, or a session string given as the argument
 * itself or, for {@code -}, read from standard input (so it need not appear in the process list
 * or shell history).
 */
sealed interface SessionInput {

  /** The longest input read from standard input. */
  int MAX_STDIN_BYTES = 1 << 20;

  /**
   * A session file (or, for formats that use one, a folder).
   *
   * @param path the path as given
   */
  record File(Path path) implements SessionInput {}

  /**
   * A session string.
   *
   * @param text the string, whitespace around it removed
   * @param origin where it came from, for messages: "argument" or "standard input"
   */
  record Text(String text, String origin) implements SessionInput {}

  /**
   * Resolves {@code arg}: {@code -} reads standard input; anything else is decided by
   * {@link SessionName#ofArgument} (an existing path is a file, a long run of base64 or a JSON
   * object is a string).
   *
   * @throws CliException for a missing file or empty standard input
   */
  static SessionInput parse(String arg, Terminal terminal) {
    if (arg.equals("-")) {
      return new Text(readStdin(terminal.in()), "standard input");
    }
    SessionName name = SessionName.ofArgument(arg);
    if (name instanceof SessionName.File f) {
      return new File(f.path());
    }
    if (name instanceof SessionName.Text t) {
      return new Text(t.text(), "argument");
    }
    throw new CliException(arg + ": no such file (and not a session string)");
  }

  private static String readStdin(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_STDIN_BYTES + 1);
    } catch (IOException e) {
      throw new CliException("standard input: cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_STDIN_BYTES) {
      throw new CliException("standard input: more than " + MAX_STDIN_BYTES
          + " bytes; expected one session string");
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new CliException("standard input: no session string (read " + bytes.length
          + " bytes, all blank)");
    }
    return text;
  }
}
