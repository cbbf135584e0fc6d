package dev.jgram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The handlers registered with {@link Client#onUpdate}, called in registration order. A handler
 * that throws is logged and the update still counts as given: the next handler runs and the
 * state moves on, so one bad update cannot stall the stream.
 */
final class Handlers {
  private static final System.Logger LOG = System.getLogger(Handlers.class.getName());
  private final List<Consumer<Update>> handlers = new CopyOnWriteArrayList<>();

  /** Adds a handler; returns whether it was the first. */
  boolean add(Consumer<Update> handler) {
    if (handler == null) {
      throw new IllegalArgumentException("handler is required");
    }
    handlers.add(handler);
    return handlers.size() == 1;
  }

  /** Gives {@code update} to every handler. */
  void deliver(Update update) {
    for (Consumer<Update> h : handlers) {
      try {
        h.accept(update);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an update handler failed on " + update.type(), e);
      }
    }
  }
}
