package dev.jgram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A child JVM on this JVM's class path, for the crash tests. Test code only. */
public final class ChildJvm {
  private ChildJvm() {}

  /** Starts {@code java -cp <this JVM's class path> mainClass args}, stderr into stdout. */
  public static Process start(Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
