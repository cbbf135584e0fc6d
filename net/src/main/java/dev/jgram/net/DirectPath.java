package dev.jgram.net;

import dev.jgram.mtproto.session.OutgoingMessage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's way for a call to skip the loop: when the connection is idle (ready, its
 * first call sent, no call in flight, in the batch, queued or handed to the loop), the
 * calling thread packs, encrypts and writes the call itself under the connection's lock, and
 * the loop, asleep in its selector, is not woken to do it. That is the sequential caller's
 * case; with calls in flight every call goes to the loop, which sends one turn's calls in one
 * container, and callers never queue on the lock (they only try it).
 */
final class DirectPath {
  private final DcConnection c;
  /** Calls handed to the loop and not yet submitted there: later ones must not overtake. */
  private final AtomicInteger handedOver = new AtomicInteger();
  /** Whether the connection was idle when its lock was last released. */
  private volatile boolean open;
  /** Calls written by their callers' threads (counted under the lock). */
  private volatile long writes;

  DirectPath(DcConnection c) {
    this.c = c;
  }

  /**
   * Packs and writes {@code call} on the calling thread if the connection is idle; false,
   * with nothing done, if the loop must send it.
   */
  boolean trySend(Call call) {
    if (!open || handedOver.get() != 0 || c.options.loop().inLoop() || !c.lock.tryLock()) {
      return false; // a loop holding the lock is awake and sends the call soon anyway
    }
    try {
      if (!c.idle() || handedOver.get() != 0) {
        return false;
      }
      Outbox.send(c, call, OutgoingMessage.query(call.query));
      writes++;
      update();
      c.armSweeper();
      return true;
    } finally {
      c.lock.unlock();
    }
  }

  /** A call is being handed to the loop. */
  void handOver() {
    handedOver.incrementAndGet();
  }

  /** A handed-over call reached the loop (or never will). */
  void submitted() {
    handedOver.decrementAndGet();
  }

  /** Notes whether callers may write directly; under the lock, after every change. */
  void update() {
    open = c.idle();
  }

  long writes() {
    return writes;
  }
}
