package dev.jgram.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code jgram} command: only holds the subcommands and the global options. */
@Command(
    name = "jgram",
    mixinStandardHelpOptions = true,
    version = "jgram 0.1.0-SNAPSHOT",
    description = {
      "Look inside, export, import, check and demonstrate Telegram session storages",
      "(Pyrogram, Telethon, GramJS, mtcute and gotd files and strings)."
    },
    subcommands = {
      DemoCommand.class,
      InfoCommand.class,
      PeersCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      CheckCommand.class,
      ConvertCommand.class,
      DecryptCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      MeCommand.class,
      TestdcCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 2 usage error, 1 any other failure (one line on stderr).",
      "Wherever a session string is accepted, '-' reads it from standard input."
    })
final class JgramCommand {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On failure, also print the stack trace.")
  boolean verbose;
}
