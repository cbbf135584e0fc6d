package dev.jgram.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One thread that runs every connection's socket I/O (a NIO selector) and every timer (call
 * timeouts, pings, back-off), so a thousand idle connections cost one thread, not a thousand.
 * Connections never block it: protocol work is short, and waiting is done by callers on
 * futures.
 *
 * <p>{@link #shared()} is a daemon loop for the whole JVM; {@link #start(String)} makes a
 * private one that {@link #close()} stops.
 */
public final class NetLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NetLoop.class.getName());
  private static NetLoop shared;

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private volatile boolean closed;
  private long timerSeq;

  private NetLoop(String name) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a NIO selector", e);
    }
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The JVM-wide loop, started on first use, a daemon thread never stopped. */
  public static synchronized NetLoop shared() {
    if (shared == null) {
      shared = new NetLoop("jgram-net");
    }
    return shared;
  }

  /** A private loop on a new daemon thread named {@code name}. */
  public static NetLoop start(String name) {
    return new NetLoop(name);
  }

  /** Runs {@code task} on the loop thread, soon; from any thread. */
  public void execute(Runnable task) {
    if (closed) {
      throw new IllegalStateException("net loop " + thread.getName() + " is closed");
    }
    tasks.add(task);
    if (Thread.currentThread() != thread) {
      selector.wakeup();
    }
  }

  /** Whether the caller runs on the loop thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs {@code task} on the loop thread after {@code delay}; call from the loop thread.
   * Returns a handle whose {@link Timer#cancel()} stops it.
   */
  Timer schedule(Duration delay, Runnable task) {
    Timer t = new Timer(System.nanoTime() + delay.toNanos(), timerSeq++, task);
    timers.add(t);
    return t;
  }

  Selector selector() {
    return selector;
  }

  ByteBuffer readBuffer() {
    return readBuffer;
  }

  /** Stops the thread and closes the selector (never for {@link #shared()}). Idempotent. */
  @Override
  public void close() {
    if (this == shared || closed) {
      return;
    }
    closed = true;
    selector.wakeup();
  }

  private void run() {
    while (!closed) {
      try {
        runTasks();
        long waitMillis = runDueTimers();
        if (tasks.isEmpty()) {
          selector.select(waitMillis);
        } else {
          selector.selectNow();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          ((IoHandler) key.attachment()).ready(key);
        }
        selector.selectedKeys().clear();
      } catch (RuntimeException | Error | IOException e) {
        LOG.log(System.Logger.Level.WARNING, "net loop task failed", e);
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the selector failed", e);
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "net loop task failed", e);
      }
    }
  }

  /** Runs every due timer; returns the milliseconds to the next one, or 0 for none. */
  private long runDueTimers() {
    while (!timers.isEmpty()) {
      Timer next = timers.peek();
      long wait = next.due - System.nanoTime();
      if (next.cancelled) {
        timers.poll();
      } else if (wait > 0) {
        return Math.max(1, wait / 1_000_000);
      } else {
        timers.poll();
        try {
          next.task.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "net loop timer failed", e);
        }
      }
    }
    return 0;
  }

  /** Something the selector reports ready. */
  interface IoHandler {
    void ready(SelectionKey key);
  }

  /** A scheduled task; cancel it to stop it. */
  static final class Timer implements Comparable<Timer> {
    private final long due;
    private final long seq;
    private final Runnable task;
    private boolean cancelled;

    private Timer(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      int c = Long.compare(due - other.due, 0);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }
  }
}
