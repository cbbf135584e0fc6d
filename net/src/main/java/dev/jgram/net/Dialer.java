package dev.jgram.net;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.session.ClientSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's way to ready and back: dial, key exchange when there is no key, ready (queued
 * and unanswered calls sent), and after a lost link either a typed failure or another dial
 * after a jittered back-off, until {@link NetOptions#reconnectAttempts()} dials in a row failed.
 * Runs on the loop thread.
 */
final class Dialer {
  private static final System.Logger LOG = System.getLogger(Dialer.class.getName());
  private final DcConnection c;
  private KeyExchangeRun exchange;
  private NetLoop.Timer connectTimer;
  private NetLoop.Timer backoffTimer;
  private int failures;
  private boolean wasReady;

  Dialer(DcConnection c) {
    this.c = c;
  }

  /**
   * The server answered on this connection: the dials in a row that failed start counting
   * from zero again. Not on TCP connect alone: a server that accepts and then refuses (-429)
   * must still end in a typed failure.
   */
  void answered() {
    failures = 0;
  }

  void stop() {
    DcConnection.cancel(backoffTimer);
    DcConnection.cancel(connectTimer);
  }

  void dialIfIdle() {
    if (c.state == DcConnection.State.IDLE) {
      failures = 0;
      dial();
    }
  }

  private void dial() {
    backoffTimer = null;
    if (c.state == DcConnection.State.CLOSED) {
      return;
    }
    c.state = DcConnection.State.DIALING;
    c.link = new Link(c.options.loop(), c.options.transport(), c.options.random(),
        new LinkEvents(c), c::locked);
    Link dialling = c.link;
    connectTimer = c.schedule(c.options.connectTimeout(), () -> dialling.fail(
        new NetException("no connection to " + c.address + " within "
            + c.options.connectTimeout().toMillis() + " ms")));
    c.link.open(c.address, c.options.random());
  }

  /** The link is up: exchange a key if there is none, else go ready. */
  void linkConnected() {
    c.initSent = false;
    if (c.authKey != null) {
      ready();
      return;
    }
    c.state = DcConnection.State.EXCHANGING;
    int dc = c.options.testMode() ? 10000 + c.address.id() : c.address.id();
    exchange = new KeyExchangeRun(c.options.keys(), KeyExchangeOptions.current(dc),
        c.options.random(), c.options.clock());
    c.link.send(exchange.start());
  }

  /** A plain frame during the key exchange. */
  void exchangeFrame(byte[] payload) {
    byte[] next = exchange.advance(payload);
    if (next != null) {
      c.link.send(next);
      return;
    }
    AuthKeyResult result = exchange.result();
    exchange = null;
    c.keyExchanges++;
    c.authKey = result.authKey();
    try {
      c.listener.authKeyCreated(c, result);
    } catch (RuntimeException e) {
      System.getLogger(DcConnection.class.getName()).log(System.Logger.Level.WARNING,
          "storing the new auth key failed", e);
    }
    c.session = ClientSession.create(c.authKey, result.firstSalt(), result.timeOffset(),
        c.options.random());
    answered();
    ready();
  }

  private void ready() {
    if (c.session == null) {
      c.session = ClientSession.create(c.authKey, 0L, 0L, c.options.random());
    }
    c.sessionId = c.session.sessionId();
    c.state = DcConnection.State.READY;
    LOG.log(System.Logger.Level.INFO, () -> "connected to DC " + c.address.id() + " ("
        + c.address.host() + ":" + c.address.port() + ")");
    wasReady = true;
    DcConnection.cancel(connectTimer);
    connectTimer = null;
    c.connectWaiters.forEach(f -> c.complete(f, null));
    c.connectWaiters.clear();
    List<Call> again = new ArrayList<>(c.sent.values());
    c.sent.clear();
    again.addAll(c.queued);
    c.queued.clear();
    again.forEach(c::send);
    c.pinger.start();
  }

  /** The link closed; decide between giving up and dialling again. */
  void linkClosed(Throwable cause) {
    c.link = null;
    exchange = null;
    DcConnection.cancel(connectTimer);
    connectTimer = null;
    c.pinger.stop();
    if (c.state == DcConnection.State.CLOSED || cause == null) {
      return;
    }
    NetException fatal = LinkFailures.fatal(c, cause, c.state);
    if (fatal != null) {
      c.state = fatal instanceof AuthKeyUnknownException ? DcConnection.State.KEY_UNKNOWN
          : DcConnection.State.IDLE;
      c.failAll(fatal);
      return;
    }
    failures++;
    boolean wanted = wasReady || !c.sent.isEmpty() || !c.queued.isEmpty()
        || !c.connectWaiters.isEmpty();
    if (failures >= c.options.reconnectAttempts() || !wanted) {
      c.state = DcConnection.State.IDLE;
      c.failAll(new ConnectionFailedException("cannot reach " + c.address + " after " + failures
          + " attempt(s): " + LinkFailures.describe(cause), cause));
      wasReady = false;
      return;
    }
    c.state = DcConnection.State.BACKOFF;
    Duration delay = Backoff.delay(failures, c.options.backoffBase(), c.options.backoffMax(),
        c.options.random());
    int attempt = failures + 1;
    LOG.log(System.Logger.Level.INFO, () -> "reconnecting to DC " + c.address.id() + " in "
        + delay.toMillis() + " ms (attempt " + attempt + " of "
        + c.options.reconnectAttempts() + "): " + LinkFailures.describe(cause));
    backoffTimer = c.schedule(delay, this::dial);
  }

}
