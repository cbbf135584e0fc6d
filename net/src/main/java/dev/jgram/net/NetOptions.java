package dev.jgram.net;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.Layers;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a {@link DcConnection} needs besides its address and key, each replaceable for
 * tests: the I/O loop, transport, trusted server keys, clock, randomness, timeouts, ping and
 * reconnection policy, flood-wait threshold and {@code initConnection} parameters.
 *
 * @param loop the selector thread and timers (shared by every connection by default)
 * @param transport the framing
 * @param keys the server RSA keys to trust
 * @param clock the clock for msg_ids and salts
 * @param random the randomness for nonces, session ids, paddings and back-off jitter
 * @param init what {@code initConnection} sends
 * @param layer the API layer the first query announces ({@code invokeWithLayer})
 * @param testMode whether the DCs are test DCs (key exchange {@code dc} = id + 10000)
 * @param rpcTimeout how long a call waits for its answer
 * @param connectTimeout how long dialling plus a key exchange may take
 * @param pingInterval how often an idle connection sends {@code ping_delay_disconnect}; a
 *     connection silent for two intervals is dead and is re-dialled
 * @param reconnectAttempts how many dials in a row may fail before waiting calls fail
 * @param backoffBase the first back-off delay; each further attempt doubles it, with jitter
 * @param backoffMax the longest back-off delay
 * @param floodSleepThreshold flood waits up to this many seconds are waited out and the call
 *     repeated; longer ones fail with {@link FloodWaitException}
 */
public record NetOptions(NetLoop loop, Transport transport, ServerKeys keys, Clock clock,
    RandomSource random, InitParams init, int layer, boolean testMode, Duration rpcTimeout,
    Duration connectTimeout, Duration pingInterval, int reconnectAttempts,
    Duration backoffBase, Duration backoffMax, int floodSleepThreshold) {

  /** Checks the values. */
  public NetOptions {
    if (loop == null || transport == null || keys == null || clock == null || random == null
        || init == null) {
      throw new IllegalArgumentException("loop, transport, keys, clock, random and init are"
          + " required");
    }
    positive("rpcTimeout", rpcTimeout);
    positive("connectTimeout", connectTimeout);
    positive("pingInterval", pingInterval);
    positive("backoffBase", backoffBase);
    positive("backoffMax", backoffMax);
    if (reconnectAttempts < 1) {
      throw new IllegalArgumentException("reconnectAttempts must be at least 1, was "
          + reconnectAttempts);
    }
    if (floodSleepThreshold < 0) {
      throw new IllegalArgumentException("floodSleepThreshold must not be negative, was "
          + floodSleepThreshold);
    }
  }

  /**
   * Defaults for {@code apiId}: the shared loop, intermediate transport, Telegram's keys, the
   * system clock, secure randomness, layer 198, 30 s calls, 10 s connects, pings every 60 s,
   * 5 attempts backing off from 200 ms to 10 s, flood waits up to 10 s slept (Pyrogram's
   * {@code sleep_threshold}).
   */
  public static NetOptions defaults(int apiId) {
    return new NetOptions(NetLoop.shared(), Transport.intermediate(), ServerKeys.telegram(),
        Clock.systemUTC(), RandomSource.secure(), InitParams.of(apiId), Layers.JGRAM, false,
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
        Duration.ofMillis(200), Duration.ofSeconds(10), 10);
  }

  /** With another loop. */
  public NetOptions withLoop(NetLoop loop) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With another transport. */
  public NetOptions withTransport(Transport transport) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With other trusted keys. */
  public NetOptions withKeys(ServerKeys keys) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With another clock and randomness. */
  public NetOptions withClockAndRandom(Clock clock, RandomSource random) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With other initConnection parameters. */
  public NetOptions withInit(InitParams init) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** For Telegram's test DCs or production. */
  public NetOptions withTestMode(boolean testMode) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With other call and connect timeouts and ping interval. */
  public NetOptions withTimeouts(Duration rpcTimeout, Duration connectTimeout,
      Duration pingInterval) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        floodSleepThreshold);
  }

  /** With another reconnection policy. */
  public NetOptions withReconnect(int attempts, Duration base, Duration max) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, attempts, base, max, floodSleepThreshold);
  }

  /** With another flood-wait threshold in seconds. */
  public NetOptions withFloodSleepThreshold(int seconds) {
    return new NetOptions(loop, transport, keys, clock, random, init, layer, testMode,
        rpcTimeout, connectTimeout, pingInterval, reconnectAttempts, backoffBase, backoffMax,
        seconds);
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
  }
}
