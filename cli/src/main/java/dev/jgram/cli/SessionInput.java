package dev.jgram.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A session named on the command line: a file, or a session string given as the argument
 * itself or, for {@code -}, read from standard input (so it need not appear in the process list
 * or shell history).
 */
sealed interface SessionInput {

  /** The longest input read from standard input. */
  int MAX_STDIN_BYTES = 1 << 20;

  /** An argument this long in the base64 or JSON alphabet is a string, not a file name. */
  int MIN_STRING_CHARS = 64;

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
   * Resolves {@code arg}: {@code -} reads standard input; an existing path is a file; a long
   * run of base64 (or a JSON object) is a string; anything else is a missing file.
   *
   * @throws CliException for a missing file or empty standard input
   */
  static SessionInput parse(String arg, Terminal terminal) {
    if (arg.equals("-")) {
      return new Text(readStdin(terminal.in()), "standard input");
    }
    String stripped = arg.strip();
    Path path = pathOrNull(arg);
    if (path != null && Files.exists(path)) {
      return new File(path);
    }
    if (looksLikeString(stripped)) {
      return new Text(stripped, "argument");
    }
    throw new CliException(arg + ": no such file (and not a session string)");
  }

  private static Path pathOrNull(String arg) {
    try {
      return Path.of(arg);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static boolean looksLikeString(String s) {
    if (s.startsWith("{")) {
      return true;
    }
    if (s.length() < MIN_STRING_CHARS) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean base64 = Character.isLetterOrDigit(c) || "+/-_=".indexOf(c) >= 0
          || Character.isWhitespace(c);
      if (!base64 || c > 127) {
        return false;
      }
    }
    return true;
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
