package dev.jgram.net;

import dev.jgram.mtproto.session.OutgoingMessage;
import dev.jgram.mtproto.tl.TlReader;

/**
 * Keeps a ready connection alive: every ping interval it sends {@code ping_delay_disconnect}
 * (the server closes the connection if the next one is later than interval + 15 s), and a
 * connection from which nothing arrived since the previous ping is declared dead and dropped,
 * which makes the connection dial again.
 */
final class Pinger {
  private final DcConnection c;
  private NetLoop.Timer timer;
  private long lastReceived;
  private long lastPing;

  Pinger(DcConnection c) {
    this.c = c;
  }

  void start() {
    stop();
    lastReceived = System.nanoTime();
    lastPing = 0;
    timer = c.schedule(c.options.pingInterval(), this::tick);
  }

  void stop() {
    DcConnection.cancel(timer);
    timer = null;
  }

  void received() {
    lastReceived = System.nanoTime();
  }

  private void tick() {
    timer = null;
    if (c.state != DcConnection.State.READY || c.link == null) {
      return;
    }
    if (lastPing != 0 && lastReceived - lastPing < 0) {
      c.link.fail(new NetException("no answer from " + c.address + " to a ping within "
          + c.options.pingInterval().toMillis() + " ms: connection is dead"));
      return;
    }
    long pingId = new TlReader(c.options.random().bytes(8)).readLong();
    int delay = (int) Math.min(Integer.MAX_VALUE, c.options.pingInterval().toSeconds() + 15);
    lastPing = System.nanoTime();
    Outbox.sendService(c, OutgoingMessage.service(Wrappers.pingDelayDisconnect(pingId, delay)));
    timer = c.schedule(c.options.pingInterval(), this::tick);
  }
}
