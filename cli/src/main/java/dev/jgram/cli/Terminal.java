package dev.jgram.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What a command talks to: its output and error streams, standard input, whether standard
 * output is a terminal (secrets warn when it is), and the clock that decides username expiry.
 * Tests build one over strings; {@link #system()} wraps the process's own streams.
 *
 * @param out where results go
 * @param err where warnings and the one-line failure go
 * @param in where {@code -} reads a session string from
 * @param interactive whether {@code out} is a terminal a person watches
 * @param clock the source of "now"
 */
record Terminal(PrintWriter out, PrintWriter err, InputStream in, boolean interactive, Clock clock) {

  /** The process's streams, UTF-8, with the system clock. */
  static Terminal system() {
    return new Terminal(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        System.in,
        System.console() != null,
        Clock.systemUTC());
  }
}
