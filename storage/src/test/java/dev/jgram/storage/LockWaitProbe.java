package dev.jgram.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures (does not assert) how long a second opener waits before its
 * {@link SessionLockedException}: with the owner in this JVM and in another process. Run with
 * the test classpath: {@code java -cp ... dev.jgram.storage.LockWaitProbe [tries]}.
 */
public final class LockWaitProbe {
  private LockWaitProbe() {}

  /** Prints min, median, p99 and max of both cases. */
  public static void main(String[] args) throws Exception {
    int tries = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("lockwait");
    Path file = dir.resolve("owned.session");
    try (Storage owner = Storage.file(file)) {
      owner.open();
      report("owner in this JVM", measure(file, tries));
    }
    try (ChildJvm child = ChildJvm.start(Map.of(), "hold", file.toString())) {
      if (!"open".equals(child.nextLine(120_000))) {
        throw new IllegalStateException("the owner did not open: " + child.stderr());
      }
      report("owner in process " + child.pid(), measure(file, tries));
      child.killAndDrain();
    }
    Storage.file(file).delete();
    Files.delete(dir);
  }

  private static long[] measure(Path file, int tries) {
    long[] nanos = new long[tries];
    for (int i = 0; i < tries; i++) {
      Storage second = Storage.file(file);
      long start = System.nanoTime();
      try {
        second.open();
        throw new IllegalStateException("the second opener was let in");
      } catch (SessionLockedException expected) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, long[] n) {
    System.out.printf("second opener, %s: %d tries, min %.3f ms, median %.3f ms, p99 %.3f ms, "
        + "max %.3f ms%n", what, n.length, n[0] / 1e6, n[n.length / 2] / 1e6,
        n[(int) (n.length * 0.99)] / 1e6, n[n.length - 1] / 1e6);
  }
}
