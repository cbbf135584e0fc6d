package dev.jgram.bench.testdc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** What the load clients count, from every client thread. */
final class LoadStats {
  private final CountDownLatch logins;
  private final LongAdder loginFailures = new LongAdder();
  private final LongAdder answers = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder transportErrors = new LongAdder();
  private final LongAdder closed = new LongAdder();
  private volatile boolean running;

  LoadStats(int sessions) {
    this.logins = new CountDownLatch(sessions);
  }

  void loggedIn(boolean ok) {
    if (!ok) {
      loginFailures.increment();
    }
    logins.countDown();
  }

  /** Waits until every session answered its login. */
  boolean awaitLogins(long seconds) throws InterruptedException {
    return logins.await(seconds, TimeUnit.SECONDS);
  }

  long loginsLeft() {
    return logins.getCount();
  }

  void answered(boolean ok) {
    (ok ? answers : errors).increment();
  }

  void transportError() {
    transportErrors.increment();
  }

  void closed() {
    closed.increment();
  }

  boolean running() {
    return running;
  }

  void running(boolean on) {
    running = on;
  }

  long answers() {
    return answers.sum();
  }

  long errors() {
    return errors.sum();
  }

  long loginFailures() {
    return loginFailures.sum();
  }

  long transportErrors() {
    return transportErrors.sum();
  }

  long closedConnections() {
    return closed.sum();
  }
}
