package dev.jgram.cli;

/**
 * A failure the user can act on, reported as one line on standard error with exit code 1.
 * The message names the file or value and says what is wrong.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
