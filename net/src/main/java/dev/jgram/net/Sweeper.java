package dev.jgram.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails calls whose timeout passed. One timer per connection, armed only while calls wait,
 * rather than one timer per call.
 */
final class Sweeper {
  private final DcConnection c;
  private NetLoop.Timer timer;

  Sweeper(DcConnection c) {
    this.c = c;
  }

  void arm() {
    if (timer == null && (!c.sent.isEmpty() || !c.queued.isEmpty() || !c.delayed.isEmpty())) {
      long millis = Math.min(250, c.options.rpcTimeout().toMillis());
      timer = c.schedule(Duration.ofMillis(millis), this::sweep);
    }
  }

  boolean armed() {
    return timer != null;
  }

  void stop() {
    DcConnection.cancel(timer);
    timer = null;
  }

  private void sweep() {
    timer = null;
    long now = System.nanoTime();
    List<Call> expired = new ArrayList<>();
    c.sent.values().removeIf(call -> expired(call, now, expired));
    c.queued.removeIf(call -> expired(call, now, expired));
    c.delayed.removeIf(call -> expired(call, now, expired));
    for (Call call : expired) {
      c.fail(call.future, new RpcTimeoutException(call.method
          + " got no answer from " + c.address + " within "
          + c.options.rpcTimeout().toMillis() + " ms"));
    }
    arm();
  }

  private static boolean expired(Call call, long now, List<Call> out) {
    if (now - call.deadlineNanos >= 0) {
      out.add(call);
      return true;
    }
    return false;
  }
}
