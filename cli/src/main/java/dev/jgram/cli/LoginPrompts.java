package dev.jgram.cli;

import dev.jgram.CodeSupplier;
import dev.jgram.PasswordSupplier;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code login --phone} gets the login code and the password: the terminal (the
 * password read without echo through {@link Console}), or with {@code --code-stdin} one line
 * of standard input per answer, in the order asked. Each refused answer is named on stderr
 * before the next is read; input that ends, or no terminal, ends the login naming what was
 * awaited.
 */
final class LoginPrompts {
  private final Terminal terminal;
  private final String phone;
  private final BufferedReader lines;
  private final Console console;

  private LoginPrompts(Terminal terminal, String phone, BufferedReader lines, Console console) {
    this.terminal = terminal;
    this.phone = phone;
    this.lines = lines;
    this.console = console;
  }

  /** Answers from standard input, one line each. */
  static LoginPrompts stdin(Terminal terminal, String phone) {
    return new LoginPrompts(terminal, phone, new BufferedReader(
        new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)), null);
  }

  /** Answers typed on the terminal; without one, asking fails naming {@code --code-stdin}. */
  static LoginPrompts console(Terminal terminal, String phone) {
    return new LoginPrompts(terminal, phone, null, System.console());
  }

  /** The login codes, each refused one named on stderr before the next is asked for. */
  CodeSupplier codes() {
    return r -> {
      String what = "the login code sent to " + phone + " (try " + r.attempt() + " of "
          + r.maxAttempts() + ")";
      if (r.previousError() != null) {
        terminal.err().println(r.previousError().equals("PHONE_CODE_EXPIRED")
            ? "the login code expired (PHONE_CODE_EXPIRED); a new one was sent"
            : "the login code was not accepted (" + r.previousError() + ")");
      }
      return answer(what, false, "Login code sent to " + phone + ": ");
    };
  }

  /** The passwords (never echoed or printed), each refused one named on stderr. */
  PasswordSupplier passwords() {
    return r -> {
      String what = "the two-step verification password (try " + r.attempt() + " of "
          + r.maxAttempts() + ")";
      if (r.previousError() != null) {
        terminal.err().println("the password was not accepted (" + r.previousError() + ")");
      }
      return answer(what, true, "Two-step verification password"
          + (r.hint() == null || r.hint().isEmpty() ? "" : " (hint: " + r.hint() + ")") + ": ");
    };
  }

  private String answer(String what, boolean secret, String prompt) {
    if (lines != null) {
      String line;
      try {
        line = lines.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (line == null) {
        throw new CliException("standard input ended while waiting for " + what);
      }
      return secret ? line : line.strip();
    }
    if (console == null) {
      throw new CliException("no terminal to ask for " + what + " on; give the answers on"
          + " standard input with --code-stdin");
    }
    terminal.err().flush();
    String typed = secret ? charsOrNull(console.readPassword("%s", prompt))
        : console.readLine("%s", prompt);
    if (typed == null) {
      throw new CliException("the terminal closed while waiting for " + what);
    }
    return secret ? typed : typed.strip();
  }

  private static String charsOrNull(char[] chars) {
    return chars == null ? null : new String(chars);
  }
}
