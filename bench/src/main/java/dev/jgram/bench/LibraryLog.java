package dev.jgram.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps jgram's own log lines (one INFO line per connection, for example) out of a benchmark's
 * report: warnings and worse only, unless {@code JGRAM_LOG} names a java.util.logging level.
 */
public final class LibraryLog {
  /** Held, because java.util.logging keeps loggers weakly and a collected one forgets its level. */
  private static final Logger ROOT = Logger.getLogger("dev.jgram");

  private LibraryLog() {}

  /** Sets the level of every jgram logger for this JVM. */
  public static void quiet() {
    String level = System.getenv("JGRAM_LOG");
    try {
      ROOT.setLevel(level == null || level.isBlank() ? Level.WARNING : Level.parse(level.strip()));
    } catch (IllegalArgumentException unknown) {
      ROOT.setLevel(Level.WARNING);
    }
  }
}
