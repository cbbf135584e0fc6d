package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.NewMessage;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.testdc.services.UserSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The demo's updates step, on {@link BotDemo}'s cluster and bot: a user sends the bot messages
 * through the cluster while the bot's client is stopped; the next start catches up with
 * {@code updates.getDifference} from the update state kept in {@code my_account.session} and
 * gives each message to the {@code onNewMessage} handler once, in order; after one more
 * message, the start after that is given only that one.
 */
final class UpdatesDemo {
  static final String ALICE_PHONE = "+15550107777";
  static final List<String> WHILE_STOPPED = List.of("one", "two", "three");
  static final String LATER = "four";
  private static final String DIFFERENCE = "updates.getDifference";
  private static final long WAIT_SECONDS = 20;

  private final PrintWriter out;
  private final BotDemo bots;

  UpdatesDemo(PrintWriter out, BotDemo bots) {
    this.out = out;
    this.bots = bots;
  }

  /** Runs the step on {@code my_account.session} in {@code workdir}. */
  void run(Path workdir) {
    Path file = workdir.resolve(BotDemo.FILE_NAME);
    long alice = bots.services().addUser(UserSpec.ofPhone(ALICE_PHONE).withNames("Alice", null));
    said("the bot's client is stopped; " + BotDemo.FILE_NAME + " keeps its update state, "
        + stored(file) + " (loginBot recorded the state with updates.getState)");
    WHILE_STOPPED.forEach(text -> bots.services().sendMessage(alice, BotDemo.BOT_ID, text));
    said("user " + alice + " (Alice) sent the bot " + WHILE_STOPPED.size() + " messages through"
        + " the cluster: " + quoted(WHILE_STOPPED) + "; no client of the bot was there to hear"
        + " them");
    catchUp(workdir);
    said("stopped it: " + BotDemo.FILE_NAME + " keeps " + stored(file) + " (Alice came with"
        + " the difference)");
    bots.services().sendMessage(alice, BotDemo.BOT_ID, LATER);
    List<NewMessage> next = start(workdir, LATER);
    said("Alice sent \"" + LATER + "\"; the next start was given " + next.size()
        + (next.size() == 1 ? " message: " : " messages: ")
        + quoted(next.stream().map(NewMessage::text).toList())
        + (next.size() == 1 ? " (none of the first " + WHILE_STOPPED.size() + " again)" : ""));
    said("stopped it: " + BotDemo.FILE_NAME + " keeps " + stored(file));
  }

  /** The start after the messages: the difference, given to the handler. */
  private void catchUp(Path workdir) {
    long differences = bots.calls(DIFFERENCE);
    String before = bots.counters();
    List<NewMessage> got = start(workdir, WHILE_STOPPED.get(WHILE_STOPPED.size() - 1));
    said("started it again with onNewMessage(handler): " + (bots.calls(DIFFERENCE) - differences)
        + " " + DIFFERENCE + " call from the stored state; the handler was given " + got.size()
        + " messages:");
    got.forEach(m -> said("  " + describe(m)));
    said("the cluster's counters: before " + before + "; after " + bots.counters()
        + " (the stored key and login served)");
  }

  /**
   * Starts the bot with a handler and returns what it is given up to the message {@code last}
   * (included), then stops it; the state of what was given is kept by the stop.
   */
  private List<NewMessage> start(Path workdir, String last) {
    BlockingQueue<NewMessage> given = new LinkedBlockingQueue<>();
    List<NewMessage> got = new ArrayList<>();
    try (Client app = bots.client(workdir, BotDemo.NAME).build()) {
      app.onNewMessage(given::add);
      while (got.isEmpty() || !got.get(got.size() - 1).text().equals(last)) {
        NewMessage m = given.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (m == null) {
          throw new CliException("the demo bot was not given \"" + last + "\" within "
              + WAIT_SECONDS + " s; it was given " + quoted(got.stream()
              .map(NewMessage::text).toList()));
        }
        got.add(m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while the demo bot caught up");
    }
    return got;
  }

  private static String describe(NewMessage m) {
    return m.update().type() + " id " + m.id() + " from user " + m.fromId().orElse(0L)
        + m.update().pts().map(p -> ", pts " + p).orElse("") + ": \"" + m.text() + "\"";
  }

  /** The update state and the peer count the file holds, read through the storage API. */
  private static String stored(Path file) {
    try (Storage storage = Storage.file(file)) {
      storage.open();
      return storage.updateState().map(UpdatesDemo::describe).orElse("no update state")
          + " and " + storage.peerCount() + " peers";
    }
  }

  private static String describe(UpdateState s) {
    return "pts " + s.pts() + ", qts " + s.qts() + ", seq " + s.seq();
  }

  private static String quoted(List<String> texts) {
    return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
  }

  private void said(String line) {
    out.println("   " + line);
  }
}
