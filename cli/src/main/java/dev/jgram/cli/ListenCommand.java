package dev.jgram.cli;

import dev.jgram.Client;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code jgram listen}: prints a session's updates as they are delivered. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Print each update as it is delivered, one line each (one JSON object with --json),",
      "flushed as printed. A session with a stored update state first catches up",
      "(updates.getDifference); the state is kept after each printed batch, so a restart",
      "goes on where this run stopped. Stops after --count updates (the rest of the",
      "difference the last one came in is printed too) or on SIGTERM/SIGINT, exit 0."
    })
final class ListenCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<session>",
      description = "A session file or folder, a session string of any library, or '-'.")
  String session;

  @Option(names = "--count", paramLabel = "N",
      description = "Stop after N updates (the rest of that update's difference too).")
  Long count;

  @Mixin
  NetworkOptions net = new NetworkOptions();

  private final Terminal terminal;

  ListenCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (count != null && count < 1) {
      throw new CliException("--count must be at least 1, was " + count);
    }
    Client.Builder b = net.apply(OnlineSession.builder(session, terminal, false));
    CountDownLatch stop = new CountDownLatch(1);
    SignalHandler onTerm = signal("TERM", stop);
    SignalHandler onInt = signal("INT", stop);
    try (Client client = Online.build(session, b)) {
      if (client.storage().session().apiId() == null) {
        throw new CliException(session + ": the session holds no api_id; give it with --api-id");
      }
      if (client.storage().session().authKey() == null) {
        throw new CliException(session + ": the session holds no auth key; log in first");
      }
      AtomicLong printed = new AtomicLong();
      client.onUpdate(u -> {
        terminal.out().println(UpdateLine.format(u, net.json));
        terminal.out().flush();
        if (count != null && printed.incrementAndGet() >= count) {
          stop.countDown();
        }
      });
      Online.run(session, client::getMe);
      stop.await();
    } finally {
      restore("TERM", onTerm);
      restore("INT", onInt);
    }
    return 0;
  }

  /** Counts {@code stop} down on the signal; returns the handler it replaced, or null. */
  private static SignalHandler signal(String name, CountDownLatch stop) {
    try {
      return Signal.handle(new Signal(name), s -> stop.countDown());
    } catch (IllegalArgumentException unavailable) {
      return null; // the platform or the JVM's options (-Xrs) keep this signal
    }
  }

  private static void restore(String name, SignalHandler previous) {
    if (previous != null) {
      Signal.handle(new Signal(name), previous);
    }
  }
}
