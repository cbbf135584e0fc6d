package dev.jgram.net;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.session.ClientSession;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlCombinator;
import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client connection to one data centre: dials it on the shared {@link NetLoop}, makes an
 * auth key if it has none (the key exchange), runs an MTProto session on it and matches
 * answers to calls by msg_id.
 *
 * <ul>
 *   <li>The first query of every new TCP connection goes out as
 *       {@code invokeWithLayer(layer, initConnection(…, query))}, and again so after
 *       {@code 400 CONNECTION_NOT_INITED}.
 *   <li>{@code bad_server_salt}, {@code bad_msg_notification} and {@code new_session_created}
 *       re-send the affected calls with new msg_ids (the session layer says which).
 *   <li>{@code FLOOD_WAIT_X} up to {@link NetOptions#floodSleepThreshold()} seconds is waited
 *       out and the call repeated; a longer one fails with {@link FloodWaitException}.
 *   <li>Every call ends: with its result, an {@link RpcException}, an
 *       {@link RpcTimeoutException}, a {@link ConnectionFailedException} once
 *       {@link NetOptions#reconnectAttempts()} dials in a row failed (with jittered
 *       back-off between them), or an {@link AuthKeyUnknownException} when the server answers
 *       -404 to the key: that one is never retried.
 *   <li>An idle connection pings ({@code ping_delay_disconnect}); one silent for two ping
 *       intervals is dropped and dialled again.
 * </ul>
 *
 * <p>Thread-safe: every method may be called from any thread. The connection's state is
 * guarded by one lock, which the loop thread holds for everything it does for the connection
 * (tasks, timers, socket events) but reading the socket. A call made while the connection is
 * idle (ready, no call in flight, nothing waiting to go out, the lock free) is packed,
 * encrypted and written by the calling thread itself under that lock, sparing the loop a
 * wake-up: sequential calls go out that way ({@link DirectPath}). Every other call is handed
 * to the loop, which sends the calls of one turn together in one container, so many callers
 * at once never queue on the lock. Futures are completed after the lock is released.
 */
public final class DcConnection implements AutoCloseable {
  /** What a connection reports; called on the loop thread, so keep it short. */
  public interface Listener {
    /** A key exchange made {@code key}: store it now, before any call uses it. */
    default void authKeyCreated(DcConnection connection, AuthKeyResult key) {}

    /** The server pushed {@code updates} (a serialised {@code Updates}). */
    default void updates(DcConnection connection, byte[] updates) {}

    /** The server started a new session: updates may have been missed. */
    default void sessionCreated(DcConnection connection) {}
  }

  enum State { IDLE, DIALING, EXCHANGING, READY, BACKOFF, KEY_UNKNOWN, CLOSED }

  final NetOptions options;
  final DcAddress address;
  final Listener listener;
  final TlCodec codec;
  final ReentrantLock lock = new ReentrantLock();
  final Map<Long, Call> sent = new LinkedHashMap<>();
  final ArrayDeque<Call> queued = new ArrayDeque<>();
  final Set<Call> delayed = new HashSet<>();
  private final List<Call> batch = new ArrayList<>();
  /** Completions waiting for the lock to be released. */
  private final List<Runnable> outcomes = new ArrayList<>();
  final Pinger pinger;
  private final Sweeper sweeper;
  byte[] authKey;
  ClientSession session;
  Link link;
  State state = State.IDLE;
  boolean initSent;
  final Dialer dialer = new Dialer(this);
  final List<CompletableFuture<Void>> connectWaiters = new ArrayList<>();
  private final DirectPath direct = new DirectPath(this);
  volatile int keyExchanges;
  volatile long sessionId;
  private volatile boolean closed;

  private DcConnection(NetOptions options, DcAddress address, byte[] authKey, Listener listener) {
    this.options = options;
    this.address = address;
    this.authKey = authKey == null ? null : authKey.clone();
    this.listener = listener == null ? new Listener() {} : listener;
    this.codec = TlCodec.forLayer(options.layer());
    this.pinger = new Pinger(this);
    this.sweeper = new Sweeper(this);
  }

  /**
   * A connection to {@code address}, not yet dialled.
   *
   * @param authKey the stored 256-byte key for this DC, or null to make one on first connect
   */
  public static DcConnection create(NetOptions options, DcAddress address, byte[] authKey,
      Listener listener) {
    if (authKey != null && authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length
          + " bytes; expected 256");
    }
    return new DcConnection(options, address, authKey, listener);
  }

  /** The address dialled. */
  public DcAddress address() {
    return address;
  }

  /** Key exchanges this connection completed (0 when a stored key was used). */
  public int keyExchanges() {
    return keyExchanges;
  }

  /** The current session_id, or 0 before the first connect. */
  public long sessionId() {
    return sessionId;
  }

  /**
   * Dials (if not connected) and makes the key if there is none. Completes once calls can be
   * sent, or fails with a typed {@link NetException}.
   */
  public CompletableFuture<Void> connect() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    runOnLoop(f, () -> {
      switch (state) {
        case READY -> complete(f, null);
        case CLOSED, KEY_UNKNOWN -> fail(f, unusable());
        default -> {
          connectWaiters.add(f);
          dialer.dialIfIdle();
        }
      }
    });
    return f;
  }

  /** Sends a serialised query; the future gets the serialised result. */
  public CompletableFuture<byte[]> invokeRaw(byte[] query) {
    return invoke(new Call(query.clone(), Wrappers.methodName(codec.schema(), query),
        System.nanoTime() + options.rpcTimeout().toNanos()));
  }

  private CompletableFuture<byte[]> invoke(Call call) {
    if (!direct.trySend(call)) {
      direct.handOver();
      boolean handed = runOnLoop(call.future, () -> {
        direct.submitted();
        submit(call);
      });
      if (!handed) {
        direct.submitted();
      }
    }
    return call.future;
  }

  /** Calls written by their callers' threads rather than the loop's, so far. */
  long directWrites() {
    return direct.writes();
  }

  /**
   * Whether a call may be written at once by its caller (under the lock): ready, its first
   * call sent, nothing in flight or waiting to go out.
   */
  boolean idle() {
    return state == State.READY && initSent && !closed && link != null && link.isOpen()
        && batch.isEmpty() && queued.isEmpty() && sent.isEmpty();
  }

  /** Arms the call timeouts if they are not (under the lock, from any thread). */
  void armSweeper() {
    if (!sweeper.armed()) {
      options.loop().execute(() -> locked(sweeper::arm));
    }
  }

  /**
   * Calls a method of the schema of {@link NetOptions#layer()}; the future gets the result
   * decoded as the method's result type (a {@link TlObject}, a {@code List}, a
   * {@code Boolean}, ...).
   *
   * @throws IllegalArgumentException if the object is not a method of that schema
   */
  public CompletableFuture<Object> invoke(TlObject method) {
    TlCombinator c = codec.schema().byName(method.name()).filter(TlCombinator::function)
        .orElseThrow(() -> new IllegalArgumentException(method.name()
            + " is not a method of layer " + options.layer()));
    String type = c.resultType().toString();
    byte[] query = codec.encode(method);
    return invoke(new Call(query, method.name(), System.nanoTime()
        + options.rpcTimeout().toNanos())).thenApply(bytes -> codec.decode(bytes, type));
  }

  /** Fails every waiting call and closes the socket. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CountDownLatch done = new CountDownLatch(1);
    try {
      options.loop().execute(() -> {
        try {
          locked(this::shutDown);
        } finally {
          done.countDown();
        }
      });
    } catch (IllegalStateException loopClosed) {
      return;
    }
    if (!options.loop().inLoop()) {
      try {
        done.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "DcConnection[" + address + ", " + state + "]";
  }

  /** Hands {@code task} to the loop; false (and {@code f} failed) if it cannot run. */
  private boolean runOnLoop(CompletableFuture<?> f, Runnable task) {
    if (closed) {
      f.completeExceptionally(new NetException("connection to " + address + " is closed"));
      return false;
    }
    try {
      options.loop().execute(() -> locked(task));
      return true;
    } catch (IllegalStateException loopClosed) {
      f.completeExceptionally(new NetException("the net loop is closed", loopClosed));
      return false;
    }
  }

  void submit(Call call) {
    switch (state) {
      case CLOSED, KEY_UNKNOWN -> fail(call.future, unusable());
      case READY -> batch(call);
      default -> {
        queued.add(call);
        dialer.dialIfIdle();
      }
    }
    sweeper.arm();
  }

  /**
   * Collects calls submitted in one turn of the loop and sends them together at its end: one
   * container, one encryption and one write for many calls.
   */
  private void batch(Call call) {
    batch.add(call);
    if (batch.size() == 1) {
      options.loop().execute(() -> locked(this::flushBatch));
    }
  }

  private void flushBatch() {
    List<Call> calls = new ArrayList<>(batch);
    batch.clear();
    if (state != State.READY) {
      calls.forEach(this::submit);
      return;
    }
    if (!initSent && !calls.isEmpty()) {
      send(calls.remove(0));
    }
    Outbox.sendAll(this, calls);
  }

  void send(Call call) {
    byte[] body = call.query;
    if (!initSent || call.forceWrap) {
      body = Wrappers.initConnection(options.layer(), options.init(), call.query);
      initSent = true;
      call.forceWrap = false;
    }
    Outbox.send(this, call, dev.jgram.mtproto.session.OutgoingMessage.query(body));
  }

  void failAll(Throwable error) {
    List<Call> calls = new ArrayList<>(sent.values());
    calls.addAll(batch);
    batch.clear();
    calls.addAll(queued);
    calls.addAll(delayed);
    sent.clear();
    queued.clear();
    delayed.clear();
    calls.forEach(c -> fail(c.future, error));
    connectWaiters.forEach(f -> fail(f, error));
    connectWaiters.clear();
  }

  private void shutDown() {
    state = State.CLOSED;
    dialer.stop();
    pinger.stop();
    sweeper.stop();
    failAll(new NetException("connection to " + address + " was closed"));
    if (link != null) {
      link.close();
    }
  }

  NetException unusable() {
    return state == State.KEY_UNKNOWN ? LinkFailures.keyUnknown(this)
        : new NetException("connection to " + address + " is closed");
  }

  /**
   * Runs {@code task} holding the connection's lock; the futures it settled are completed
   * after the lock is released, so that no caller's code runs under it and a woken caller
   * finds it free.
   */
  void locked(Runnable task) {
    lock.lock();
    List<Runnable> settled = List.of();
    try {
      task.run();
    } finally {
      direct.update();
      if (lock.getHoldCount() == 1 && !outcomes.isEmpty()) {
        settled = new ArrayList<>(outcomes);
        outcomes.clear();
      }
      lock.unlock();
    }
    settled.forEach(Runnable::run);
  }

  /** Completes {@code f} with {@code value} once the lock is released (under the lock). */
  <T> void complete(CompletableFuture<T> f, T value) {
    outcomes.add(() -> f.complete(value));
  }

  /** Fails {@code f} with {@code error} once the lock is released (under the lock). */
  void fail(CompletableFuture<?> f, Throwable error) {
    outcomes.add(() -> f.completeExceptionally(error));
  }

  /** Schedules {@code task} on the loop, to run holding the connection's lock. */
  NetLoop.Timer schedule(java.time.Duration delay, Runnable task) {
    return options.loop().schedule(delay, () -> locked(task));
  }

  static void cancel(NetLoop.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
