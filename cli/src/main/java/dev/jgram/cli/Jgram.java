package dev.jgram.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one {@code jgram} command line against a {@link Terminal}. Failures become exactly one
 * line on the terminal's error stream (plus a stack trace with {@code --verbose}) and an exit
 * code: 2 for a usage error, 1 for anything else.
 */
final class Jgram {
  private Jgram() {}

  /** Parses and runs {@code args}; returns the exit code. */
  static int run(Terminal terminal, String... args) {
    CommandLine cli = new CommandLine(new JgramCommand(), new Factory(terminal));
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setParameterExceptionHandler(usageErrors(terminal));
    cli.setExecutionExceptionHandler(failures(terminal));
    try {
      return cli.execute(args);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  private static IParameterExceptionHandler usageErrors(Terminal terminal) {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      String name = cmd.getCommandSpec().qualifiedName();
      terminal.err().println(
          name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
      return CommandLine.ExitCode.USAGE;
    };
  }

  private static IExecutionExceptionHandler failures(Terminal terminal) {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      String name = cmd.getCommandSpec().qualifiedName();
      terminal.err().println(name + ": " + Failures.describe(e));
      if (verbose(parsed)) {
        e.printStackTrace(terminal.err());
      }
      return CommandLine.ExitCode.SOFTWARE;
    };
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Gives commands that take a {@link Terminal} in their constructor the current one. */
  private record Factory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Terminal.class).newInstance(terminal);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
