package dev.jgram.cli;

import dev.jgram.storage.SessionEncryption;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram info}: what a session file or string holds, without the secrets. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a session file, folder or string holds, in any format jgram reads.",
      "Format, schema version, dc_id, api_id, test_mode, user_id, is_bot, date, the auth key",
      "id (never the key), the number of cached peers and the update state. Never changes",
      "the file, and works while a running client holds it. An encrypted file (jgram's",
      "encryption at rest) is read with JGRAM_SESSION_PASSPHRASE or JGRAM_SESSION_KEY."
    })
final class InfoCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "<session>",
      description = "A session file or folder (Pyrogram, Telethon, GramJS store, gotd JSON), "
          + "a session string of any supported library, or '-' to read one from stdin.")
  String session;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--show-secrets", description = "Also print the auth key (hex). It is a secret.")
  boolean showSecrets;

  private final Terminal terminal;

  InfoCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    SessionInput input = SessionInput.parse(session, terminal);
    SessionReader.Loaded loaded =
        SessionReader.read(input, terminal.clock(), false, terminal.encryption());
    String encryption = input instanceof SessionInput.File f
        && loaded.format().cliName().equals("pyrogram-file")
        ? SessionEncryption.describe(f.path()).orElse("none") : null;
    SessionReport report = SessionReport.of(loaded, encryption, showSecrets);
    if (json) {
      Json.print(terminal.out(), report);
    } else {
      printText(terminal.out(), input, report);
    }
    return 0;
  }

  private static void printText(PrintWriter out, SessionInput input, SessionReport r) {
    if (input instanceof SessionInput.File f) {
      row(out, "file", f.path());
    }
    row(out, "format", r.format()
        + (r.schemaVersion() == null ? "" : " (schema version " + r.schemaVersion() + ")"));
    row(out, "dc_id", r.dcId());
    row(out, "api_id", r.apiId());
    row(out, "test_mode", r.testMode());
    row(out, "user_id", r.userId());
    row(out, "is_bot", r.isBot());
    row(out, "date", r.date() == null || r.date() == 0
        ? r.date() + " (never saved)" : r.date() + " (" + Instant.ofEpochSecond(r.date()) + ")");
    row(out, "auth_key_id", r.authKeyId() == null ? "unknown (no auth key)" : r.authKeyId());
    row(out, "other_dcs", r.otherDcs().isEmpty() ? "none" : String.join(", ",
        r.otherDcs().stream().map(d -> "DC " + d.dcId() + " key " + d.authKeyId()
            + (d.authorized() ? " (authorized)" : " (not authorized)")).toList()));
    row(out, "peers", r.peers());
    if (r.encryption() != null) {
      row(out, "encryption", r.encryption().equals("none") ? "none (auth key in clear)"
          : r.encryption());
    }
    SessionReport.State s = r.updateState();
    row(out, "update_state", s == null ? "none"
        : "pts=" + s.pts() + " qts=" + s.qts() + " date=" + s.date() + " seq=" + s.seq());
    if (r.serverAddress() != null || r.port() != null) {
      row(out, "server", r.serverAddress() + (r.port() == null ? "" : " port " + r.port()));
    }
    if (r.authKey() != null) {
      row(out, "auth_key", r.authKey());
    }
  }

  private static void row(PrintWriter out, String key, Object value) {
    out.printf("%-13s %s%n", key, value == null ? "unknown" : value);
  }
}
