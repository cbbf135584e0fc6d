package dev.jgram.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a normal stop: the command closes what it serves and exits 0, instead
 * of the JVM's default exit status 143 or 130.
 */
final class Signals {
  private Signals() {}

  /** Runs {@code stop} when the process gets SIGTERM or SIGINT. */
  static void onTermination(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // this platform does not know the signal; the JVM's default stops the process
      }
    }
  }
}
