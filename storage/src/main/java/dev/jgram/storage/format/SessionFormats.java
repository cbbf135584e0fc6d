package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points for moving sessions between libraries: {@link #detect(String)} and
 * {@link #detect(Path)} recognise any supported string, file or folder and decode it;
 * {@link #encode} and {@link #write} produce any format; {@link #missingFields} says what a
 * target format still needs.
 *
 * <p>Detection of a pasted string (session-formats spec §4.5), after stripping whitespace:
 * <ol>
 *   <li>starts with <code>{</code>: gotd JSON (an object with {@code Version} and {@code Data});
 *   <li>starts with {@code 1}: GramJS first (decoded length 261 + L, where L is the 16-bit
 *       length at bytes 1..2, and the L bytes are an IP or host name: this settles the
 *       275-byte clash with Telethon IPv6), then Telethon (263 bytes IPv4, 275 IPv6 with a
 *       Telegram 2001:/2a0a: address);
 *   <li>otherwise Pyrogram (271 bytes; or 263/267 bytes from 351/356 characters), then
 *       mtcute v3 (first byte 3 and a valid TL layout).
 * </ol>
 * Every candidate must have a 256-byte key that is not all zeros and a known DC id. When
 * nothing matches, the {@link InvalidSessionStringException} lists each format and why it
 * did not match; no message quotes the string or the key.
 */
public final class SessionFormats {
  private SessionFormats() {}

  /**
   * Recognises and decodes a pasted session string or gotd JSON.
   *
   * @throws InvalidSessionStringException listing every format tried and why it failed
   */
  public static DetectedSession detect(String text) {
    String s = text == null ? "" : SessionChecks.strip(text);
    if (s.isEmpty()) {
      throw new InvalidSessionStringException("session string is empty; expected one of "
          + stringFormats());
    }
    List<String> failures = new ArrayList<>();
    for (SessionFormat f : order(s)) {
      try {
        return new DetectedSession(f,
            decodeStripped(f, f == SessionFormat.GOTD_JSON ? text.strip() : s));
      } catch (InvalidSessionStringException e) {
        failures.add(e.getMessage());
      }
    }
    failures.addAll(skipped(s));
    throw new InvalidSessionStringException("session string of " + s.length()
        + " characters is none of the formats jgram reads" + lostVersionCharacter(s) + "; tried "
        + String.join("; ", failures));
  }

  /**
   * Recognises and reads a session file or folder: a SQLite file with tables
   * {@code sessions} and {@code entities} is Telethon's, with {@code sessions} and
   * {@code peers} Pyrogram's (only its session row is read here; open it with
   * {@code Storage.file} for the peers), a folder is a GramJS StoreSession, and a small text
   * file is detected as a pasted string ({@link #detect(String)}).
   *
   * @throws InvalidSessionFileException naming the file and why it is none of these
   */
  public static DetectedSession detect(Path path) {
    return FileDetection.detect(path);
  }

  /**
   * Detects a command-line argument: an existing file or folder ({@link SessionName#ofArgument}) is
   * read with {@link #detect(Path)}, anything else is taken as a pasted string ({@link
   * #detect(String)}).
   *
   * @throws InvalidSessionFileException or {@link InvalidSessionStringException} as those do
   */
  public static DetectedSession detectArgument(String argument) {
    return SessionName.ofArgument(argument) instanceof SessionName.File f
        ? detect(f.path()) : detect(argument);
  }

  /**
   * Reads everything a storage holds (session, peers, update state, channel pts) into a
   * portable session, e.g. a Pyrogram file opened with {@code Storage.file(path)}. The
   * storage must be open; it is not changed.
   */
  public static PortableSession read(Storage storage) {
    List<Peer> peers = new ArrayList<>();
    storage.forEachPeer(peers::add);
    return PortableSession.of(storage.session()).withPeers(peers)
        .withUpdates(storage.updateState().orElse(null), storage.allChannelPts());
  }

  /**
   * Stores a portable session into an open storage, e.g. a new Pyrogram file from
   * {@code Storage.file(path)}: the session row (with the test flag the address implies),
   * the peers with their own timestamps, the update state and channel pts.
   *
   * @throws MissingSessionFieldsException if the session lacks what a Pyrogram session needs
   *     (api_id, user_id, is_bot, test_mode, DC, key), before anything is written
   */
  public static void store(PortableSession session, Storage storage) {
    store(check(session, SessionFormat.PYROGRAM_FILE), storage);
  }

  /**
   * Stores a session checked against {@code pyrogram-file} into an open storage, as
   * {@link #store(PortableSession, Storage)} does.
   *
   * @throws IllegalArgumentException if it was checked against another format
   */
  public static void store(WritableSession checked, Storage storage) {
    if (checked.format() != SessionFormat.PYROGRAM_FILE) {
      throw new IllegalArgumentException("a session checked against "
          + checked.format().cliName() + " cannot be stored; check it against pyrogram-file");
    }
    PortableSession session = checked.session();
    storage.session(session.session());
    storage.restorePeers(session.peers());
    if (session.updateState() != null) {
      storage.updateState(session.updateState());
    }
    session.channelPts().forEach(storage::channelPts);
  }

  /**
   * Decodes {@code text} as the given string format (no detection).
   *
   * @throws InvalidSessionStringException saying what was expected and found
   * @throws IllegalArgumentException if {@code format} is not a string format
   */
  public static PortableSession decode(SessionFormat format, String text) {
    if (format.kind() != SessionFormat.Kind.STRING) {
      throw notString(format);
    }
    if (format == SessionFormat.GOTD_JSON) {
      return GotdSessionJson.decode(text);
    }
    String s = text == null ? "" : SessionChecks.strip(text);
    if (s.isEmpty()) {
      throw SessionChecks.invalid(format, "the string is empty");
    }
    return decodeStripped(format, s);
  }

  /** Decodes text stripped of whitespace (gotd JSON: of surrounding whitespace), not empty. */
  private static PortableSession decodeStripped(SessionFormat format, String s) {
    return switch (format) {
      case PYROGRAM_STRING -> PyrogramStrings.decode(s);
      case TELETHON_STRING -> TelethonSessionString.decode(s);
      case GRAMJS_STRING -> GramJsSessionString.decode(s);
      case MTCUTE_STRING -> MtcuteSessionString.decode(s);
      default -> GotdSessionJson.decode(s);
    };
  }

  /**
   * Encodes a session as a string format (gotd JSON included).
   *
   * @throws MissingSessionFieldsException naming the fields the format needs and the session
   *     lacks, and the flags that supply them
   * @throws IllegalArgumentException if {@code format} is a file or folder format
   */
  public static String encode(PortableSession session, SessionFormat format) {
    return encode(check(session, format));
  }

  /**
   * Encodes a checked session in the string format it was checked against.
   *
   * @throws IllegalArgumentException if that is a file or folder format
   */
  public static String encode(WritableSession checked) {
    return switch (checked.format()) {
      case PYROGRAM_STRING -> PyrogramSessionString.encode(checked.session().session());
      case TELETHON_STRING -> TelethonSessionString.encode(checked);
      case GRAMJS_STRING -> GramJsSessionString.encode(checked);
      case MTCUTE_STRING -> MtcuteSessionString.encode(checked);
      case GOTD_JSON -> GotdSessionJson.encode(checked);
      default -> throw notString(checked.format());
    };
  }

  /**
   * Writes a session in a file or folder format, or a string format as a text file; the
   * file is created with owner-only permissions where the file system has them. Existing
   * files are never overwritten.
   *
   * @throws MissingSessionFieldsException naming what the format needs and the session lacks
   * @throws UnsupportedOperationException for {@code pyrogram-file}: open
   *     {@code Storage.file(path)} and store the session and peers through it
   * @throws StorageException if the target exists or cannot be written
   */
  public static void write(PortableSession session, SessionFormat format, Path target) {
    write(check(session, format), target);
  }

  /**
   * Writes a checked session in the format it was checked against, as
   * {@link #write(PortableSession, SessionFormat, Path)} does.
   *
   * @throws UnsupportedOperationException for {@code pyrogram-file} ({@link #store})
   * @throws StorageException if the target exists or cannot be written
   */
  public static void write(WritableSession checked, Path target) {
    switch (checked.format()) {
      case TELETHON_FILE -> TelethonFileWriter.write(checked, target);
      case GRAMJS_STORE -> GramJsValues.writeFolder(checked, target);
      case PYROGRAM_FILE -> throw new UnsupportedOperationException("pyrogram-file is written "
          + "through Storage.file(path): open it and call SessionFormats.store(session, storage)");
      default -> writeText(target, encode(checked));
    }
  }

  /**
   * Checks a session once against what {@code format} needs and works out what it writes (the
   * test flag the address implies, the address the DC implies): the value {@link
   * #encode(WritableSession)}, {@link #write(WritableSession, Path)} and {@link
   * #store(WritableSession, Storage)} take.
   *
   * @throws MissingSessionFieldsException naming every field the format needs and the session
   *     lacks, and the flags that supply them
   * @throws StorageException if the address must come from Telegram's table and the DC has none
   */
  public static WritableSession check(PortableSession session, SessionFormat format) {
    return WritableSession.check(session, format);
  }

  /**
   * The fields {@code format} needs that {@code session} lacks (empty when it can be
   * written). A test flag the address implies counts as known.
   */
  public static List<SessionField> missingFields(PortableSession session, SessionFormat format) {
    return WritableSession.missing(session, format);
  }

  private static List<SessionFormat> order(String s) {
    if (s.startsWith("{")) {
      return List.of(SessionFormat.GOTD_JSON);
    }
    if (s.startsWith("1")) {
      return List.of(SessionFormat.GRAMJS_STRING, SessionFormat.TELETHON_STRING);
    }
    return List.of(SessionFormat.PYROGRAM_STRING, SessionFormat.MTCUTE_STRING);
  }

  private static List<String> skipped(String s) {
    if (s.startsWith("{")) {
      return List.of("pyrogram-string, mtcute-string, telethon-string and gramjs-string: not "
          + "tried, since the text starts with '{' (JSON), which is not base64");
    }
    String notJson = "gotd-json: not JSON (does not start with '{')";
    if (s.startsWith("1")) {
      return List.of(notJson, "pyrogram-string and mtcute-string: not tried, since their "
          + "strings never start with '1' (their first byte is a small DC id or version)");
    }
    return List.of(notJson,
        "telethon-string and gramjs-string: do not start with the version character '1'");
  }

  /**
   * A note when {@code s} with a {@code '1'} in front is a valid Telethon or GramJS string: the
   * version character was lost in copying. Such a string is never accepted as it stands.
   */
  private static String lostVersionCharacter(String s) {
    if (s.startsWith("1") || s.startsWith("{")) {
      return "";
    }
    for (SessionFormat f : List.of(SessionFormat.GRAMJS_STRING, SessionFormat.TELETHON_STRING)) {
      try {
        decodeStripped(f, "1" + s);
        return ", but with a '1' in front it is a valid " + f.cliName() + ": its version "
            + "character '1' was lost in copying; restore it";
      } catch (InvalidSessionStringException notThat) {
        // try the next; no note when none matches
      }
    }
    return "";
  }

  /** A string format as a text file, created owner-only where the file system allows. */
  private static void writeText(Path target, String text) {
    NewSessionTarget.create(target, "the session text file", temp -> {
      try {
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(temp);
      }
      Files.writeString(temp, text, StandardCharsets.UTF_8);
    });
  }

  private static String stringFormats() {
    return "pyrogram-string, telethon-string, gramjs-string, mtcute-string, gotd-json";
  }

  private static IllegalArgumentException notString(SessionFormat format) {
    return new IllegalArgumentException(format.cliName() + " is a " + format.kind()
        .name().toLowerCase(java.util.Locale.ROOT) + " format, not a string format; use write()");
  }
}
