package dev.jgram.bench.testdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code jgram testdc} in a child JVM on this process's class path: started with
 * {@code --json --stdin-close-stops}, read from its one JSON line, measured through
 * {@code /proc/<pid>/status}, stopped by closing its standard input.
 */
final class ClusterProcess implements AutoCloseable {
  private final Process process;
  private final JsonNode facts;

  private ClusterProcess(Process process, JsonNode facts) {
    this.process = process;
    this.facts = facts;
  }

  /**
   * Starts the cluster and waits for its JSON line.
   *
   * @param javaOptions further JVM options for the child (e.g. a flight recording)
   * @param args the {@code testdc} options after {@code --json --stdin-close-stops}
   * @throws IOException if it cannot start or exits before printing the line
   */
  static ClusterProcess start(String heap, List<String> javaOptions, Path log,
      List<String> args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    command.addAll(javaOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jgram.cli.Main",
        "testdc", "--json", "--stdin-close-stops"));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line = out.readLine();
    while (line != null && !line.startsWith("{")) {
      line = out.readLine(); // the JVM's own notices (a flight recording starting) come first
    }
    if (line == null) {
      process.destroyForcibly();
      throw new IOException("jgram testdc exited before listening; see " + log + ": "
          + Files.readString(log).strip());
    }
    return new ClusterProcess(process, new ObjectMapper().readTree(line));
  }

  /** The port of DC {@code id}. */
  int port(int id) {
    for (JsonNode dc : facts.get("dcs")) {
      if (dc.get("id").asInt() == id) {
        return dc.get("port").asInt();
      }
    }
    throw new IllegalArgumentException("the cluster has no DC " + id);
  }

  /** The resident set size of the cluster process, in KiB (0 where /proc is missing). */
  long rssKib() throws IOException {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /**
   * The CPU time the cluster process used so far (user + system), in milliseconds, from
   * {@code /proc/<pid>/stat} at 100 ticks a second; 0 where /proc is missing.
   */
  long cpuMillis() throws IOException {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /** The child's pid. */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
