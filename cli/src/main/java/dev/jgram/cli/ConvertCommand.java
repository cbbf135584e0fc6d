package dev.jgram.cli;

import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import dev.jgram.storage.format.WritableSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgram convert}: moves a session from any supported format to any other. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a session from any format jgram reads to any format it writes.",
      "Formats: pyrogram-string, pyrogram-file, telethon-string, telethon-file,",
      "gramjs-string, gramjs-store, mtcute-string, gotd-json, postgres. The input's",
      "format is detected. Fields the input does not carry but the output needs",
      "(Telethon and GramJS carry no user id, api id or test flag) are asked for by",
      "name, never written as zeros. String formats print to stdout unless --out is",
      "given; file and folder formats need --out. Never overwrites an existing file",
      "unless --force; never changes the input.",
      "",
      "PostgreSQL: --to postgres --jdbc-url <url> --name <name> copies the session",
      "(peers, update state and all) into session <name> of the database, holding",
      "its lease; an existing session there is replaced only with --force. The input",
      "postgres:<name> (or postgres with --name) reads one back:",
      "  jgram convert postgres:alice --jdbc-url <url> --to pyrogram-file \\",
      "      --out alice.session",
      "(name a file called postgres as ./postgres). The password goes in the URL or",
      "in the environment variable named by --db-password-env; it is never printed."
    })
final class ConvertCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<input>",
      description = "A session file or folder, a session string, '-' to read one from stdin, "
          + "or postgres:<name> (with --jdbc-url).")
  String input;

  @Option(names = "--to", required = true, paramLabel = "<format>",
      converter = FormatConverter.class, description = "The output format (see above).")
  ConvertTarget to;

  @Option(names = "--out", paramLabel = "<path>", description = "Where to write the output.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it is an existing file, or an existing "
          + "PostgreSQL session for --to postgres.")
  boolean force;

  @Option(names = "--api-id", paramLabel = "N", converter = ApiIdConverter.class,
      description = "The api_id, if the input has none: 0 to 4294967295 (Pyrogram's unsigned "
          + "32-bit field).")
  Long apiId;

  @Option(names = "--user-id", paramLabel = "N", description = "The user id, if the input has none.")
  Long userId;

  @Option(names = "--bot", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
      description = "Whether the account is a bot, if the input does not say.")
  Boolean bot;

  @Option(names = "--test", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
      description = "Whether the session is on the test servers, if the input does not say.")
  Boolean test;

  @Option(names = "--server", paramLabel = "HOST:PORT", converter = ServerConverter.class,
      description = "The server address written into formats that carry one (Telethon, GramJS,"
          + " mtcute, gotd); replaces the input's.")
  HostPort server;

  @Mixin PostgresOptions postgres;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  ConvertCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    boolean fromPostgres = PostgresConvert.isInput(input);
    if (fromPostgres || to.isPostgres()) {
      PostgresConvertRun run = new PostgresConvertRun(this, spec.commandLine());
      return fromPostgres ? run.fromPostgres() : run.toPostgres();
    }
    requireOut(to.format());
    SessionReader.Loaded loaded =
        SessionReader.read(SessionInput.parse(input, terminal), terminal.clock(), true,
            terminal.encryption());
    return emit(loaded.session(), to.format(), loaded.format().cliName());
  }

  Terminal terminal() {
    return terminal;
  }

  /** A usage error unless {@code --out} is given for a file or folder format. */
  void requireOut(SessionFormat to) {
    if (to.kind() != SessionFormat.Kind.STRING && out == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--to " + to.cliName() + " writes a " + to.kind().name().toLowerCase(java.util.Locale.ROOT)
              + ": --out is required");
    }
  }

  /**
   * Applies the field flags to {@code read}, checks the result once against {@code to} (before
   * {@code --force} removes anything) and writes it.
   */
  int emit(PortableSession read, SessionFormat to, String from) {
    WritableSession checked = SessionFormats.check(
        withServer(ConvertFields.apply(read, apiId, userId, bot, test)), to);
    if (out == null) {
      printString(SessionFormats.encode(checked));
      return 0;
    }
    OutputTarget.prepare(out, force);
    if (to == SessionFormat.PYROGRAM_FILE) {
      writePyrogramFile(checked);
    } else {
      SessionFormats.write(checked, out);
    }
    PortableSession session = checked.session();
    terminal.out().println("wrote " + out + " (" + to.cliName() + ") from "
        + from + ": dc " + session.dcId() + ", user "
        + (session.session().userId() == null ? "unknown" : session.session().userId())
        + ", " + session.peers().size() + " peers");
    return 0;
  }

  /** The session with {@code --server}'s address, if given. */
  private PortableSession withServer(PortableSession session) {
    return server == null ? session : session.withAddress(server.host(), server.port());
  }

  /** {@code --server}: a host (an IPv6 one in brackets) and a port. */
  record HostPort(String host, int port) {}

  /** Parses {@code --server} as HOST:PORT with a port of 1 to 65535. */
  static final class ServerConverter implements CommandLine.ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      int colon = value.lastIndexOf(':');
      String host = colon > 0 ? value.substring(0, colon) : "";
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        port = -1;
      }
      if (host.isBlank() || port < 1 || port > 65535) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not HOST:PORT with a port of 1 to 65535");
      }
      return new HostPort(host, port);
    }
  }

  private void printString(String encoded) {
    if (terminal.interactive()) {
      terminal.err().println(ExportCommand.WARNING);
    }
    terminal.out().println(encoded);
  }

  /** A new Pyrogram file; removed again if storing into it fails. */
  private void writePyrogramFile(WritableSession session) {
    boolean stored = false;
    try (Storage storage = Storage.file(out)) {
      storage.open();
      SessionFormats.store(session, storage);
      stored = true;
    } finally {
      if (!stored) {
        OutputTarget.removeQuietly(out);
      }
    }
  }

  /**
   * What {@code --to} names: a session format, or PostgreSQL.
   *
   * @param format the format, or {@code null} for PostgreSQL
   */
  record ConvertTarget(SessionFormat format) {
    /** The PostgreSQL target ({@code --to postgres}). */
    static final ConvertTarget POSTGRES = new ConvertTarget(null);

    boolean isPostgres() {
      return format == null;
    }
  }

  /** Reads {@code --api-id}: Pyrogram stores api_id as an unsigned 32-bit number. */
  static final class ApiIdConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long apiId;
      try {
        apiId = Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a number; "
            + "expected an api_id from 0 to " + Session.MAX_API_ID);
      }
      if (apiId < 0 || apiId > Session.MAX_API_ID) {
        throw new CommandLine.TypeConversionException(apiId + " is out of range; expected an "
            + "api_id from 0 to " + Session.MAX_API_ID + " (Pyrogram stores it as an unsigned "
            + "32-bit number)");
      }
      return apiId;
    }
  }

  /** Parses {@code --to}, listing the accepted names when the value is none of them. */
  static final class FormatConverter implements CommandLine.ITypeConverter<ConvertTarget> {
    @Override
    public ConvertTarget convert(String value) {
      if (value.equals("postgres")) {
        return ConvertTarget.POSTGRES;
      }
      try {
        return new ConvertTarget(SessionFormat.fromCliName(value));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage() + ", postgres");
      }
    }
  }
}
