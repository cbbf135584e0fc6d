package dev.jgram.cli;

import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import dev.jgram.storage.postgres.PostgresStorage;
import picocli.CommandLine;

/**
 * One {@code jgram convert} run with PostgreSQL on either side: {@code --to postgres}, or an
 * input {@code postgres:<name>} (or {@code postgres} with {@code --name}).
 */
final class PostgresConvertRun {
  private final ConvertCommand cmd;
  private final CommandLine commandLine;
  private final PostgresOptions options;
  private final StorageConfig config;
  private final PostgresConvert postgres;

  PostgresConvertRun(ConvertCommand cmd, CommandLine commandLine) {
    this.cmd = cmd;
    this.commandLine = commandLine;
    this.options = cmd.postgres;
    this.config = StorageConfig.DEFAULTS.withClock(cmd.terminal().clock());
    this.postgres = new PostgresConvert(options, cmd.terminal().clock());
  }

  /** Copies a session file or string into PostgreSQL session {@code --name}. */
  int toPostgres() {
    requireTarget();
    SessionInput in = SessionInput.parse(cmd.input, cmd.terminal());
    // A Pyrogram file is only identified here (its peers are copied storage to storage);
    // every other source is read whole.
    SessionReader.Loaded loaded = SessionReader.read(in, cmd.terminal().clock(), false,
        cmd.terminal().encryption());
    if (in instanceof SessionInput.File f && loaded.format() == SessionFormat.PYROGRAM_FILE) {
      try (Storage source = SessionFiles.openReadOnly(f.path(), cmd.terminal().clock(),
          cmd.terminal().encryption())) {
        checkFlags(source.session());
        return copied(source, "pyrogram-file");
      }
    }
    PortableSession session =
        ConvertFields.apply(loaded.session(), cmd.apiId, cmd.userId, cmd.bot, cmd.test);
    try (Storage memory = Storage.memory(config)) {
      memory.open();
      SessionFormats.store(session, memory);
      return copied(memory, loaded.format().cliName());
    }
  }

  /** Reads PostgreSQL session {@code postgres:<name>} and writes it as {@code --to} says. */
  int fromPostgres() {
    String name = sourceName();
    requireUrl();
    if (cmd.to.isPostgres()) {
      requireTarget();
      if (name.equals(options.name)) {
        throw usage("the input and --name are the same session " + postgres.label(name));
      }
    }
    try (PostgresStorage source = postgres.openSource(name)) {
      checkFlags(source.session());
      if (cmd.to.isPostgres()) {
        return copied(source, postgres.label(name));
      }
      SessionFormat format = cmd.to.format();
      cmd.requireOut(format);
      if (format != SessionFormat.PYROGRAM_FILE) {
        return cmd.emit(SessionFormats.read(source), format, postgres.label(name));
      }
      OutputTarget.prepare(cmd.out, cmd.force);
      long peers = PostgresConvert.copyToFile(source, cmd.out, config);
      cmd.terminal().out().println("wrote " + cmd.out + " (pyrogram-file) from "
          + postgres.label(name) + summary(source.session(), peers));
      return 0;
    }
  }

  private int copied(Storage source, String from) {
    long peers = postgres.copyInto(source, options.name, cmd.force);
    cmd.terminal().out().println("wrote " + postgres.label(options.name) + " at "
        + options.safeUrl() + " from " + from + summary(source.session(), peers));
    return 0;
  }

  private static String summary(Session s, long peers) {
    return ": dc " + s.dcId() + ", user " + (s.userId() == null ? "unknown" : s.userId())
        + ", " + peers + " peers";
  }

  /** The field flags may only repeat what a stored session already carries. */
  private void checkFlags(Session session) {
    ConvertFields.apply(PortableSession.of(session), cmd.apiId, cmd.userId, cmd.bot, cmd.test);
  }

  private String sourceName() {
    if (cmd.input.startsWith(PostgresConvert.INPUT_PREFIX)) {
      String name = cmd.input.substring(PostgresConvert.INPUT_PREFIX.length());
      if (name.isBlank()) {
        throw usage("input " + cmd.input + ": expected postgres:<name>");
      }
      return name;
    }
    if (cmd.to.isPostgres() || options.name == null) {
      throw usage("name the PostgreSQL input as postgres:<name>");
    }
    return options.name;
  }

  private void requireTarget() {
    requireUrl();
    if (options.name == null) {
      throw usage("--to postgres needs --name <name> (the session name in the database)");
    }
    if (cmd.out != null) {
      throw usage("--to postgres writes to the database: leave --out out");
    }
  }

  private void requireUrl() {
    if (options.jdbcUrl == null) {
      throw usage("PostgreSQL needs --jdbc-url <url>");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(commandLine, message);
  }
}
