package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the client for a SESSION argument of {@code login} or {@code me}: a Pyrogram file is
 * used in place (created when missing); a session string of any library, or a file of another
 * library (re-read as gotd JSON, which keeps its server address), is held in memory.
 */
final class OnlineSession {
  private OnlineSession() {}

  /** A builder for {@code arg}; {@code create} allows a file that does not exist yet. */
  static Client.Builder builder(String arg, Terminal terminal, boolean create) {
    if (!arg.equals("-") && create && isNewFile(arg)) {
      Path path = Path.of(arg);
      return Client.builder(arg).storage(Storage.file(path, StorageConfig.DEFAULTS));
    }
    SessionInput input = SessionInput.parse(arg, terminal);
    if (input instanceof SessionInput.Text text) {
      return Client.builder(":memory:").sessionString(text.text());
    }
    Path path = ((SessionInput.File) input).path();
    SessionReader.Loaded loaded =
        SessionReader.read(input, terminal.clock(), false, terminal.encryption());
    if (loaded.format() == SessionFormat.PYROGRAM_FILE) {
      return Client.builder(arg).storage(Storage.file(path, StorageConfig.DEFAULTS));
    }
    if (loaded.session().serverAddress() == null) {
      throw new CliException(arg + ": a " + loaded.format().cliName() + " session without a "
          + "server address cannot go online; convert it to a Pyrogram file first");
    }
    Client.Builder b = Client.builder(":memory:").sessionString(
        SessionFormats.encode(loaded.session(), SessionFormat.GOTD_JSON));
    Long apiId = loaded.session().session().apiId();
    return apiId == null ? b : b.apiId(apiId);
  }

  private static boolean isNewFile(String arg) {
    try {
      return !Files.exists(Path.of(arg)) && (arg.endsWith(".session") || arg.contains("/"));
    } catch (RuntimeException notAPath) {
      return false;
    }
  }
}
