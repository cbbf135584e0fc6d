package dev.jgram.testdc.event;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The cluster's ordered event log: every event in memory, and, when a file is given, appended
 * to it as one JSON line, written and flushed when the event happens. Thread-safe; the order
 * is the order of {@link #add} calls.
 */
public final class EventLog implements AutoCloseable {
  private final ArrayDeque<ClusterEvent> events = new ArrayDeque<>();
  private final BufferedWriter file;
  private final int memoryLimit;

  private EventLog(BufferedWriter file, int memoryLimit) {
    this.file = file;
    this.memoryLimit = memoryLimit;
  }

  /**
   * A log kept in memory (at most {@code memoryLimit} events, the oldest dropped first) and, if
   * {@code path} is not null, appended to that file.
   *
   * @throws UncheckedIOException if the file cannot be opened for appending
   */
  public static EventLog open(Path path, int memoryLimit) {
    if (path == null) {
      return new EventLog(null, memoryLimit);
    }
    try {
      return new EventLog(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
          memoryLimit);
    } catch (IOException e) {
      throw new UncheckedIOException("events file " + path + " cannot be opened for appending",
          e);
    }
  }

  /** Records one event. A failed write to the file is reported and stops further writes. */
  public synchronized void add(ClusterEvent event) {
    if (events.size() >= memoryLimit) {
      events.removeFirst();
    }
    events.add(event);
    notifyAll();
    if (file != null) {
      try {
        file.write(event.json());
        file.write('\n');
        file.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("events file could not be written", e);
      }
    }
  }

  /** A snapshot of the events kept, oldest first. */
  public synchronized List<ClusterEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Waits until an event matching {@code test} is in the log, for at most {@code millis}.
   *
   * @return the first matching event, or null on timeout
   */
  public synchronized ClusterEvent await(Predicate<ClusterEvent> test, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (true) {
      for (ClusterEvent event : events) {
        if (test.test(event)) {
          return event;
        }
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      wait(left);
    }
  }

  /** Closes the file, if any. */
  @Override
  public synchronized void close() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException("events file could not be closed", e);
      }
    }
  }
}
