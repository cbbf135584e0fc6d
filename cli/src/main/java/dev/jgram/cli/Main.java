package dev.jgram.cli;

/**
 * The {@code jgram} command-line tool: looks inside, exports, imports, checks and demonstrates
 * session storages. Run {@code jgram --help} for the commands.
 */
public final class Main {
  private Main() {}

  /**
   * Runs one command and exits with its code: 0 on success, 2 on a usage error, 1 on any other
   * failure.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Terminal terminal = Terminal.system();
    int code = Jgram.run(terminal, args);
    terminal.out().flush();
    terminal.err().flush();
    System.exit(code);
  }
}
