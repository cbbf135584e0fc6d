package dev.jgram;

import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.SessionName;
import java.nio.file.Path;

/**
 * Which engine a client's settings select, by Pyrogram's rules (the name's through
 * {@link SessionName#ofClient}), in this order:
 *
 * <ol>
 *   <li>a caller-supplied {@link Storage} is used as it is;
 *   <li>a session string (builder) of any format jgram reads (Pyrogram, Telethon, GramJS,
 *       mtcute, gotd JSON) gives a memory storage loaded from it; an empty one, a
 *       fresh memory session (Pyrogram would fall through to a file here; jgram never writes a
 *       file for a client that was handed a session string);
 *   <li>{@code inMemory} gives an empty memory storage;
 *   <li>the name {@code ":memory:"} gives an empty memory storage (Pyrogram 0.15-1.4);
 *   <li>a name of 351 characters or more once whitespace is removed is a session string
 *       (Pyrogram 0.15-1.4's rule; every supported format is that long), and so is a name
 *       that starts with <code>{</code> and is gotd session JSON: a memory storage loaded
 *       from it;
 *   <li>any other name is a file, {@code <workdir>/<name>.session}, the name used verbatim
 *       ({@code "a.session"} gives {@code a.session.session}; {@code "dir/a"} a file in
 *       {@code dir}, which must exist).
 * </ol>
 */
sealed interface StorageChoice {

  /** Creates the (unopened) storage. */
  Storage create(StorageConfig config);

  /** An empty memory storage. */
  record Memory() implements StorageChoice {
    @Override
    public Storage create(StorageConfig config) {
      return Storage.memory(config);
    }
  }

  /**
   * A memory storage loaded from a session string of any supported format: {@link #create}
   * gives the empty memory storage, which the client fills from {@link #decode()} once it is
   * open. {@code toString} never shows the string.
   */
  record FromString(String sessionString) implements StorageChoice {
    @Override
    public Storage create(StorageConfig config) {
      return Storage.memory(config);
    }

    /**
     * Detects the string's format and decodes it.
     *
     * @throws dev.jgram.storage.InvalidSessionStringException listing the formats tried
     */
    DetectedSession decode() {
      return SessionName.decode(sessionString);
    }

    @Override
    public String toString() {
      return "FromString[" + sessionString.length() + " characters]";
    }
  }

  /** A Pyrogram-compatible session file. */
  record File(Path path) implements StorageChoice {
    @Override
    public Storage create(StorageConfig config) {
      return Storage.file(path, config);
    }
  }

  /** A storage the caller built. */
  record Given(Storage storage) implements StorageChoice {
    @Override
    public Storage create(StorageConfig config) {
      return storage;
    }
  }

  /** Applies the rules above. */
  static StorageChoice of(String name, Path workdir, boolean inMemory, String sessionString,
      Storage storage) {
    if (storage != null) {
      return new Given(storage);
    }
    if (sessionString != null) {
      return sessionString.isBlank() ? new Memory() : new FromString(sessionString);
    }
    if (inMemory) {
      return new Memory();
    }
    SessionName byName = SessionName.ofClient(name, workdir);
    if (byName instanceof SessionName.Text t) {
      return new FromString(t.text());
    }
    return byName instanceof SessionName.File f ? new File(f.path()) : new Memory();
  }
}
