package dev.jgram.cli;

/**
 * The {@code jgram} command-line tool: looks inside, exports, imports, checks and demonstrates
 * session storages. Run {@code jgram --help} for the commands.
 */
public final class Main {
  private Main() {}

  /**
   * The library's loggers, kept referenced (java.util.logging holds loggers weakly, and a
   * collected one forgets its level).
   */
  private static final java.util.logging.Logger LIBRARY_LOG =
      java.util.logging.Logger.getLogger("dev.jgram");

  /**
   * Runs one command and exits with its code: 0 on success, 2 on a usage error, 1 on any other
   * failure.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    quietLibraryLog();
    Terminal terminal = Terminal.system();
    int code = Jgram.run(terminal, args);
    terminal.out().flush();
    terminal.err().flush();
    System.exit(code);
  }

  /**
   * A command's own output is what it prints; the library's INFO lines (connected, migrated,
   * ...) would interleave with it on standard error, so the tool shows only warnings and worse
   * unless {@code JGRAM_LOG} names a java.util.logging level (e.g. {@code JGRAM_LOG=INFO}).
   */
  private static void quietLibraryLog() {
    String level = System.getenv("JGRAM_LOG");
    try {
      LIBRARY_LOG.setLevel(level == null || level.isBlank()
          ? java.util.logging.Level.WARNING : java.util.logging.Level.parse(level.strip()));
    } catch (IllegalArgumentException unknown) {
      LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }
}
