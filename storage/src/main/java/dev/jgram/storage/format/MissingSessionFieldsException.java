package dev.jgram.storage.format;

import dev.jgram.storage.StorageException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A session cannot be written in a format because it lacks fields that format needs (a
 * Telethon string has no user id; a Pyrogram string needs one). Nothing is written: jgram
 * never fills a missing field with zero. The message names each field and the flag that
 * supplies it.
 */
public final class MissingSessionFieldsException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final SessionFormat format;
  private final transient List<SessionField> missing;

  /** Creates the exception for writing {@code format} without the {@code missing} fields. */
  public MissingSessionFieldsException(SessionFormat format, List<SessionField> missing) {
    super(message(format, missing));
    this.format = format;
    this.missing = List.copyOf(missing);
  }

  /** The format that could not be written. */
  public SessionFormat format() {
    return format;
  }

  /** The fields it needs and the session lacks, in {@link SessionField} order. */
  public List<SessionField> missing() {
    return missing;
  }

  private static String message(SessionFormat format, List<SessionField> missing) {
    String fields = missing.stream().map(SessionField::describe).collect(Collectors.joining(", "));
    return "cannot write " + format.cliName() + ": the session lacks " + fields
        + "; the source format does not carry "
        + (missing.size() == 1 ? "it" : "them") + ", so supply "
        + (missing.size() == 1 ? "it" : "them") + " instead of letting jgram write zeros";
  }
}
