package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What a session name denotes: a file (or a GramJS folder), {@code ":memory:"}, or a session
 * string of any format jgram reads. The one place that decides it, for the client's name
 * ({@link #ofClient}, Pyrogram's rules) and a command-line argument ({@link #ofArgument}), and
 * that decodes a string of any format ({@link #decode}).
 */
public sealed interface SessionName {
  /** An argument this long in the base64 alphabet is a string, not a file name. */
  int MIN_ARGUMENT_CHARS = 64;

  /** An empty memory session ({@code ":memory:"}). */
  record Memory() implements SessionName {}

  /**
   * A session file or folder.
   *
   * @param path where it is
   */
  record File(Path path) implements SessionName {}

  /**
   * A session string of some format; {@code toString} never shows it.
   *
   * @param text the string as given
   */
  record Text(String text) implements SessionName {
    /** Detects the format and decodes the string ({@link SessionName#decode}). */
    public DetectedSession decode() {
      return SessionName.decode(text);
    }

    @Override
    public String toString() {
      return "Text[" + text.length() + " characters]";
    }
  }

  /**
   * A client's name by Pyrogram's rules: {@code ":memory:"} is memory; a name of 351
   * characters or more once whitespace is removed is a session string (Pyrogram 0.15-1.4's
   * rule; every supported format is that long), and so is a name that starts with
   * <code>{</code> and is gotd session JSON; any other name is the file
   * {@code <workdir>/<name>.session}, the name used verbatim.
   */
  static SessionName ofClient(String name, Path workdir) {
    if (name.equals(":memory:")) {
      return new Memory();
    }
    if (PyrogramSessionString.looksLikeSessionString(name) || isGotdJson(name)) {
      return new Text(name);
    }
    return new File(workdir.resolve(name + ".session"));
  }

  /**
   * A command-line argument: an existing path (whitespace around it removed) is a file or folder; a
   * JSON object, or a run of at least {@value #MIN_ARGUMENT_CHARS} base64 characters, is a string;
   * anything else null (a file that does not exist).
   */
  static SessionName ofArgument(String arg) {
    if (arg == null || arg.isBlank()) {
      return null;
    }
    String s = arg.strip();
    try {
      Path path = s.length() > 4096 ? null : Path.of(s);
      if (path != null && Files.exists(path)) {
        return new File(path);
      }
    } catch (InvalidPathException notAPath) {
      // then it can only be a string
    }
    boolean base64 = s.length() >= MIN_ARGUMENT_CHARS
        && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
            || "+/-_=".indexOf(c) >= 0 || Character.isWhitespace(c)));
    return s.startsWith("{") || base64 ? new Text(s) : null;
  }

  /**
   * Detects and decodes a session string of any supported format. A string detection refuses
   * but Pyrogram's own decoder reads (a key of zeros, a DC outside Telegram's table) is read as
   * Pyrogram reads it; a string Pyrogram's decoder refuses stays refused.
   *
   * @throws InvalidSessionStringException listing every format tried and why it failed; the
   *     string is never quoted
   */
  static DetectedSession decode(String text) {
    try {
      return SessionFormats.detect(text);
    } catch (InvalidSessionStringException detection) {
      String s = text.strip();
      if (s.startsWith("1") || s.startsWith("{")) {
        throw detection;
      }
      try {
        return new DetectedSession(SessionFormat.PYROGRAM_STRING,
            PortableSession.of(PyrogramSessionString.decode(text)));
      } catch (InvalidSessionStringException pyrogram) {
        throw detection;
      }
    }
  }

  /**
   * Whether a name is gotd session JSON: it starts with <code>{</code> and decodes as one. Any
   * other name starting with <code>{</code> stays a file name.
   */
  private static boolean isGotdJson(String name) {
    String s = name.strip();
    if (!s.startsWith("{")) {
      return false;
    }
    try {
      SessionFormats.decode(SessionFormat.GOTD_JSON, s);
      return true;
    } catch (StorageException notGotd) {
      return false;
    }
  }
}
