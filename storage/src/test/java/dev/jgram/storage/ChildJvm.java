package dev.jgram.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} in its own JVM on the test classpath, whose stdout lines are collected
 * as they arrive, and which the test kills with SIGKILL ({@link ProcessHandle#destroyForcibly()}
 * on Linux): no shutdown hook, no finally block, no close runs in the child.
 */
final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread reader;
  private final Thread errors;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = pump(process.getInputStream(), line -> lines.add(line), () -> lines.add(EOF));
    this.errors = pump(process.getErrorStream(), line -> {
      synchronized (stderr) {
        stderr.append(line).append('\n');
      }
    }, () -> { });
  }

  /** Starts {@link CrashChild} with {@code args} and extra environment variables. */
  static ChildJvm start(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
        "-cp", classPath(), CrashChild.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("JGRAM_"));
    pb.environment().putAll(env);
    try {
      return new ChildJvm(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classpath (surefire's own when run by it, which is not a manifest jar). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static Thread pump(java.io.InputStream in, java.util.function.Consumer<String> sink,
      Runnable atEnd) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the pipe closed with the process
      } finally {
        atEnd.run();
      }
    }, "child-jvm-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The child's process id. */
  long pid() {
    return process.pid();
  }

  /**
   * Waits up to {@code millis} for the next line; null if none came (or the output ended,
   * after which {@link #ended()} is true).
   */
  String nextLine(long millis) throws InterruptedException {
    String line = lines.poll(millis, TimeUnit.MILLISECONDS);
    if (line == EOF) {
      lines.add(EOF);
      return null;
    }
    return line;
  }

  /** Whether the child's output has ended (it exited or was killed, and all was read). */
  boolean ended() {
    return lines.peek() == EOF;
  }

  /**
   * Kills with SIGKILL and returns every line printed that was not yet taken. The kill goes
   * through the {@link ProcessHandle}: {@link Process#destroyForcibly()} also closes the pipes,
   * which throws away acknowledgements the child wrote but the reader had not yet read.
   */
  List<String> killAndDrain() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
    reader.join(60_000);
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    rest.remove(EOF);
    return rest;
  }

  /** Waits for a normal exit and returns its code. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("child did not exit within " + seconds + " s; stderr: " + stderr());
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** What the child wrote to stderr so far. */
  String stderr() {
    try {
      errors.join(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
