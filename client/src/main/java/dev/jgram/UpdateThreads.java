package dev.jgram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every client's update loop shares: workers that run a loop while it has work (a
 * loop with nothing to do holds no thread, so a fleet of idle clients costs none) and one timer
 * that wakes loops at their deadlines. Daemon threads: they never keep a JVM alive.
 */
final class UpdateThreads {
  /** Runs loop turns; grows only with the number of loops busy at once, idle threads expire. */
  static final ExecutorService WORKERS = Executors.newCachedThreadPool(named("jgram-updates"));
  /** Wakes loops for gap and no-updates deadlines and retries. */
  static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(named("jgram-updates-timer"));

  private UpdateThreads() {}

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
