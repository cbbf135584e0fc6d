package dev.jgram.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every line jgram logs through {@link System.Logger} while open, at every level: the
 * JDK's default {@code System.Logger} backend is java.util.logging, so a handler on the
 * {@code dev.jgram} logger at {@link Level#ALL} sees each record with its parameters filled in
 * and its exception's messages appended. Closing restores the logger's level.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *   ...
 *   assertThat(log.lines(Level.INFO)).anyMatch(l -> l.contains("migrated"));
 *   assertThat(secrets.leakIn(log.text())).isNull();
 * }
 * }</pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {
  /** The logger every jgram logger descends from, by the convention of docs/logging.md. */
  public static final String ROOT = "dev.jgram";

  /** One captured line: its level, its logger and its text. */
  public record Line(Level level, String logger, String text) {}

  private final Logger root;
  private final Level levelBefore;
  private final boolean useParentBefore;
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<Line> lines = new ArrayList<>();

  private LogCapture(Logger root) {
    this.root = root;
    this.levelBefore = root.getLevel();
    this.useParentBefore = root.getUseParentHandlers();
  }

  /** Starts capturing everything under {@code dev.jgram}, which is then not printed. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture(Logger.getLogger(ROOT));
    capture.setLevel(Level.ALL);
    capture.root.setLevel(Level.ALL);
    capture.root.setUseParentHandlers(false);
    capture.root.addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord r) {
    StringBuilder text = new StringBuilder(formatter.formatMessage(r));
    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
      text.append(" | ").append(t);
    }
    lines.add(new Line(r.getLevel(), r.getLoggerName(), text.toString()));
  }

  /** Every line captured so far. */
  public synchronized List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The texts of the lines at exactly {@code level}. */
  public synchronized List<String> lines(Level level) {
    return lines.stream().filter(l -> l.level().equals(level)).map(Line::text).toList();
  }

  /** Every captured text, one line each, for a secrets scan. */
  public synchronized String text() {
    StringBuilder all = new StringBuilder();
    lines.forEach(l -> all.append(l.level()).append(' ').append(l.logger()).append(": ")
        .append(l.text()).append('\n'));
    return all.toString();
  }

  @Override
  public void flush() {}

  /** Stops capturing and restores the logger. */
  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(levelBefore);
    root.setUseParentHandlers(useParentBefore);
  }
}
