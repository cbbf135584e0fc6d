package dev.jgram.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs {@code jgram} in this JVM with captured streams, as a user would see it. */
final class CliRun {
  /** The "now" the fixtures' lookups were evaluated at by Pyrogram. */
  static final Clock FIXTURE_NOW = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  private String stdin = "";
  private boolean interactive;
  private Clock clock = FIXTURE_NOW;

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {
    /** The lines of stderr. */
    String[] errLines() {
      return err.isEmpty() ? new String[0] : err.split("\\R");
    }
  }

  static CliRun cli() {
    return new CliRun();
  }

  CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  CliRun interactive(boolean interactive) {
    this.interactive = interactive;
    return this;
  }

  CliRun clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal t = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), interactive, clock);
    int code = Jgram.run(t, args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result jgram(String... args) {
    return cli().run(args);
  }
}
