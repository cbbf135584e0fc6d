package dev.jgram.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent clients against jgram's test cluster: GramJS (npm {@code telegram} 2.26, layer 198)
 * and mtcute (npm {@code @mtcute/node} 0.30, layer 227) log a bot in, call getMe, and reconnect
 * from their own saved sessions with no second key exchange; then jgram opens the session string
 * each of them exported ({@code jgram me - --json}: GramJS's StringSession, mtcute's
 * {@code exportSession()}) and answers getMe with {@code "key_exchanges":0} and no key exchange
 * or login in the cluster's event log ({@code interop/run.sh}). Telethon is not part of the run:
 * it is a Python package, and PyPI is not reachable where this was written.
 *
 * <p>Both tests need Node on PATH and {@code interop/ci-setup.sh} (npm ci) to have run; without
 * them they are skipped and say why. The cluster test also needs {@code -Djgram.interop=true} or
 * {@code JGRAM_INTEROP=1}, so that it runs only where {@code jgram testdc} exists. It starts the
 * cluster through a launcher that runs {@code dev.jgram.cli.Main} on this test's class path (no
 * nested Maven build); {@code -Djgram.interop.launcher=PATH} (e.g. {@code ./jgram}) overrides it.
 */
@Tag("interop-node")
class InteropNodeTest {

  private static final Duration LIMIT = Duration.ofMinutes(15);

  @Test
  void gramJsAndMtcuteLogInToTestdcReconnectAndTheirStringsOpenInJgramWithoutASecondKeyExchange(@TempDir Path dir)
      throws Exception {
    assumeTrue(interopEnabled(),
        "skipped: the testdc interop run needs -Djgram.interop=true or JGRAM_INTEROP=1");
    Path root = repositoryRoot();
    assumeNodeReady(root);
    String launcher = System.getProperty("jgram.interop.launcher", launcher(dir).toString());

    Run run = run(root, List.of("bash", "interop/run.sh", launcher));

    assertThat(run.exitCode()).as("interop/run.sh failed; its output:%n%s", run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^interop: 6 passed, 0 failed$");
    assertThat(run.output())
        .containsPattern("(?m)^gramjs: string opened by jgram ok \\(0 key exchanges, [1-9]")
        .containsPattern("(?m)^mtcute: string opened by jgram ok \\(0 key exchanges, [1-9]");
  }

  @Test
  void theNodeHarnessPassesItsOwnTestsAgainstAFakeCluster() throws Exception {
    Path root = repositoryRoot();
    assumeNodeReady(root);

    Run run = run(root.resolve("interop/node"), List.of("npm", "test"));

    assertThat(run.exitCode()).as("npm test in interop/node failed; its output:%n%s", run.output())
        .isZero();
    assertThat(run.output()).containsPattern("(?m)^# fail 0$");
  }

  private static boolean interopEnabled() {
    return Boolean.getBoolean("jgram.interop") || "1".equals(System.getenv("JGRAM_INTEROP"));
  }

  /**
   * Skips without Node or without the installed packages, unless the interop run was asked for
   * (CI sets JGRAM_INTEROP=1 after interop/ci-setup.sh): then either is a failure, so a broken
   * set-up can never pass as a skip.
   */
  private static void assumeNodeReady(Path root) {
    boolean node = nodeOnPath();
    if (interopEnabled()) {
      assertThat(node).as("the interop run was asked for (JGRAM_INTEROP=1 or"
          + " -Djgram.interop=true) but 'node --version' does not run").isTrue();
    }
    assumeTrue(node, "skipped: Node is absent ('node --version' does not run)");
    boolean installed =
        Files.isRegularFile(root.resolve("interop/node/node_modules/telegram/package.json"))
            && Files.isRegularFile(
                root.resolve("interop/node/node_modules/@mtcute/node/package.json"));
    if (interopEnabled()) {
      assertThat(installed).as("the interop run was asked for (JGRAM_INTEROP=1 or"
          + " -Djgram.interop=true) but interop/node/node_modules is not installed;"
          + " run interop/ci-setup.sh first").isTrue();
    }
    assumeTrue(installed,
        "skipped: interop/node/node_modules is not installed (run interop/ci-setup.sh)");
  }

  private static boolean nodeOnPath() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The repository root: the nearest folder upwards that holds {@code interop/run.sh}. */
  private static Path repositoryRoot() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("interop/run.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no interop/run.sh above " + Paths.get("").toAbsolutePath() + "; expected the jgram repository");
  }

  /** A shell script that runs the CLI's main class on this JVM's test class path. */
  private static Path launcher(Path dir) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path script = dir.resolve("jgram");
    Files.writeString(script, "#!/bin/sh\nexec " + quote(java) + " -cp " + quote(classPath)
        + " dev.jgram.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Path log = Files.createTempFile("jgram-interop", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        String output = Files.readString(log);
        throw new AssertionError(String.join(" ", command) + " did not finish within " + LIMIT
            + "; its output:\n" + output);
      }
      String output = Files.readString(log);
      System.out.println(output);
      return new Run(p.exitValue(), output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private record Run(int exitCode, String output) {}
}
