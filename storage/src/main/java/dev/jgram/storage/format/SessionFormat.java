package dev.jgram.storage.format;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The session formats jgram reads and writes, by the names the command line uses
 * ({@code jgram convert --to <name>}, {@code jgram info --json} field {@code format}).
 */
public enum SessionFormat {
  /** Pyrogram's session string (current layout; the legacy ones are read too). */
  PYROGRAM_STRING("pyrogram-string", Kind.STRING),
  /** Pyrogram's {@code .session} SQLite file (handled by {@code Storage.file}). */
  PYROGRAM_FILE("pyrogram-file", Kind.FILE),
  /** Telethon's {@code StringSession}. */
  TELETHON_STRING("telethon-string", Kind.STRING),
  /** Telethon's {@code .session} SQLite file. */
  TELETHON_FILE("telethon-file", Kind.FILE),
  /** GramJS's {@code StringSession}. */
  GRAMJS_STRING("gramjs-string", Kind.STRING),
  /** GramJS's Node {@code StoreSession} folder. */
  GRAMJS_STORE("gramjs-store", Kind.DIRECTORY),
  /** mtcute's session string, version 3. */
  MTCUTE_STRING("mtcute-string", Kind.STRING),
  /** gotd's session JSON ({@code session.Loader}, version 1): text, usually kept in a file. */
  GOTD_JSON("gotd-json", Kind.STRING);

  /** What a format's value is on disk or on screen. */
  public enum Kind {
    /** A string to paste (gotd JSON counts: it is text). */
    STRING,
    /** A single file. */
    FILE,
    /** A folder of files. */
    DIRECTORY
  }

  private final String cliName;
  private final Kind kind;

  SessionFormat(String cliName, Kind kind) {
    this.cliName = cliName;
    this.kind = kind;
  }

  /** The command-line name, such as {@code telethon-string}. */
  public String cliName() {
    return cliName;
  }

  /** Whether the format is text, a file or a folder. */
  public Kind kind() {
    return kind;
  }

  /**
   * The format with this command-line name.
   *
   * @throws IllegalArgumentException naming the value and listing the accepted names
   */
  public static SessionFormat fromCliName(String name) {
    for (SessionFormat f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown session format '" + name + "'; expected one of " + names());
  }

  /** Every command-line name, comma-separated, in declaration order. */
  public static String names() {
    return Arrays.stream(values()).map(SessionFormat::cliName).collect(Collectors.joining(", "));
  }
}
