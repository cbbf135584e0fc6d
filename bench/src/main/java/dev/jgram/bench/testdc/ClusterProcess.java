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
public final class ClusterProcess implements AutoCloseable {
  private final Process process;
  private final JsonNode facts;

  private ClusterProcess(Process process, JsonNode facts) {
    this.process = process;
    this.facts = facts;
  }

  /**
   * Starts the cluster and waits for its JSON line.
   *
   * @param heap the child's {@code -Xmx}, e.g. {@code 1g}
   * @param log the file the child's standard error is appended to
   * @param javaOptions further JVM options for the child (e.g. a flight recording)
   * @param args the {@code testdc} options after {@code --json --stdin-close-stops}
   * @throws IOException if it cannot start or exits before printing the line
   */
  public static ClusterProcess start(String heap, List<String> javaOptions, Path log,
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
  public int port(int id) {
    for (JsonNode dc : facts.get("dcs")) {
      if (dc.get("id").asInt() == id) {
        return dc.get("port").asInt();
      }
    }
    throw new IllegalArgumentException("the cluster has no DC " + id);
  }

  /** The resident set size of the cluster process, in KiB (0 where /proc is missing). */
  public long rssKib() throws IOException {
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
  public long cpuMillis() throws IOException {
    long[] split = cpuSplitMillis();
    return split[0] + split[1];
  }

  /**
   * The CPU time the cluster process used so far, {user, system} in milliseconds, from
   * {@code /proc/<pid>/stat} (utime, stime) at 100 ticks a second; zeros where /proc is
   * missing.
   */
  long[] cpuSplitMillis() throws IOException {
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    if (!Files.exists(stat)) {
      return new long[2];
    }
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(fields[11]) * 10, Long.parseLong(fields[12]) * 10};
  }

  /**
   * The CPU time (user + system, ms) of the cluster's threads so far, summed by thread name
   * without its trailing number ({@code testdc-io-}, {@code GC Thread#}, {@code C2
   * CompilerThre}), from {@code /proc/<pid>/task/<tid>/stat}; empty where /proc is missing.
   * Threads that ended meanwhile are not counted.
   */
  java.util.Map<String, Long> cpuMillisByThread() throws IOException {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    if (!Files.isDirectory(tasks)) {
      return byName;
    }
    try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
      for (Path task : threads.toList()) {
        try {
          String text = Files.readString(task.resolve("stat"));
          String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'))
              .replaceAll("[0-9]+$", "");
          String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
          long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
          byName.merge(name, millis, Long::sum);
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    }
    return byName;
  }

  /** The cluster's RSA public key (PKCS#1 PEM), which its clients must trust. */
  public String publicKeyPem() {
    return facts.get("rsa_public_key_pem").asText();
  }

  /** The child's pid. */
  public long pid() {
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
