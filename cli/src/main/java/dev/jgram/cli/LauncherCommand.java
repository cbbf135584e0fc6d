package dev.jgram.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the user can run jgram again from the directory they are in, for hints such as the
 * demo's closing lines. The {@code jgram} script names itself in {@link #LAUNCHER}: the hint
 * is then {@code jgram} when that script is what {@code PATH} finds, a {@code ./}-relative path
 * when the script lies under the current directory, and its absolute path otherwise. Without
 * the script (a plain {@code java} run), it is {@code java -cp <jar> dev.jgram.cli.Main}.
 */
final class LauncherCommand {
  /** The environment variable the {@code jgram} script sets to its own absolute path. */
  static final String LAUNCHER = "JGRAM_LAUNCHER";

  private LauncherCommand() {}

  /** The command that runs jgram from {@code cwd}, quoted for a POSIX shell where needed. */
  static String from(Map<String, String> env, Path cwd) {
    String launcher = env.get(LAUNCHER);
    if (launcher == null || launcher.isBlank()) {
      return withoutScript();
    }
    Path script;
    try {
      script = Path.of(launcher).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return withoutScript();
    }
    if (isFirstOnPath(script, env.get("PATH"))) {
      return "jgram";
    }
    Path here = cwd.toAbsolutePath().normalize();
    if (script.startsWith(here)) {
      return quote("./" + here.relativize(script));
    }
    return quote(script.toString());
  }

  /** Whether {@code jgram} on {@code path} (the first executable of that name) is the script. */
  private static boolean isFirstOnPath(Path script, String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue; // an empty entry means the current directory, which a user rarely intends
      }
      Path candidate;
      try {
        candidate = Path.of(dir, "jgram");
      } catch (InvalidPathException e) {
        continue;
      }
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return sameFile(candidate, script);
      }
    }
    return false;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static String withoutScript() {
    try {
      Path code = Path.of(LauncherCommand.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return "java -cp " + quote(code.toString()) + " dev.jgram.cli.Main";
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // no code source to name: fall back to the name
    }
    return "jgram";
  }

  /** Single-quotes {@code s} for a POSIX shell unless it is made of safe characters only. */
  static String quote(String s) {
    if (s.matches("[A-Za-z0-9_./@%+=:,-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
