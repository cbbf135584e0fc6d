package dev.jgram.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM child process running a main class on this test's class path: its stdout lines arrive in
 * a queue (read by a daemon thread), its stderr goes to a file, and every wait has a time limit.
 */
final class Child implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final String label;
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Child(String label, Process process, Path stderr) {
    this.label = label;
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::pump, "child-stdout-" + label);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <test class path> mainClass args}; stderr goes to {@code dir}. */
  static Child start(Path dir, String label, String mainClass, List<String> args)
      throws IOException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, mainClass));
    command.addAll(args);
    Path err = dir.resolve(label + ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    return new Child(label, p, err);
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process went away; EOF below ends every wait
    }
    lines.add(EOF);
  }

  /** The next stdout line, within {@code limit}; fails with the child's stderr otherwise. */
  String nextLine(Duration limit) throws InterruptedException, IOException {
    String line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null || line.equals(EOF)) {
      throw new AssertionError(label + (line == null ? " printed no line within " + limit
          : " ended without printing a line") + "; its stderr:\n" + stderrText());
    }
    return line;
  }

  /** Waits for the process to end by itself; answers its exit code. */
  int exit(Duration limit) throws InterruptedException, IOException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(label + " did not end within " + limit + "; its stderr:\n"
          + stderrText());
    }
    return process.exitValue();
  }

  /** Closes the child's standard input (a long-running child's signal to stop). */
  void closeStdin() throws IOException {
    process.getOutputStream().close();
  }

  /** Kills the child with SIGKILL ({@code destroyForcibly} on Unix) and answers its exit code. */
  int kill(Duration limit) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(label + " survived SIGKILL for " + limit);
    }
    return process.exitValue();
  }

  String stderrText() throws IOException {
    return Files.isRegularFile(stderr) ? Files.readString(stderr) : "";
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
