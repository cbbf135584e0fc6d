package dev.jgram;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.RpcException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.updates.MessageBox;
import dev.jgram.updates.UpdateRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A client's update loop: pushed updates and results that carry updates go through a {@link
 * MessageBox}; the gaps it finds are filled with {@code updates.getDifference} or {@code
 * updates.getChannelDifference}; every batch is handed to the handlers and then kept in storage
 * ({@link UpdateBatch}).
 *
 * <p>Threads: the loop is an actor on {@link UpdateThreads}: events queue up, and one shared
 * worker at a time drains them, so the box sees one thread and a loop with nothing to do holds
 * none. Deadlines (a possible gap held for {@link MessageBox#POSSIBLE_GAP_TIMEOUT}, a failed
 * difference retried) are one shared timer's wake-ups.
 *
 * <p>Start: a stored state resumes ({@code getDifference} first, delivered before any new
 * update); without one, {@code getState} is asked. A {@code new_session_created} from the home
 * DC while running asks for the difference too (the server may have lost the old session's
 * updates). {@link #stop()} lets the running turn finish
 * its batch and commit, so after a clean stop nothing is delivered twice.
 */
final class UpdateLoop {
  private static final System.Logger LOG = System.getLogger(UpdateLoop.class.getName());
  private static final Set<String> UPDATES = Set.of("updates", "updatesCombined", "updateShort",
      "updateShortMessage", "updateShortChatMessage", "updateShortSentMessage", "updatesTooLong");
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);
  /** How many peer ids found in storage the loop remembers before it starts over. */
  private static final int SEEN_LIMIT = 4096;

  private final String name;
  private final Storage storage;
  private final Function<TlObject, Object> invoke;
  private final Function<byte[], TlObject> decode;
  private final Handlers handlers;
  private final InstantSource clock;
  private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Account differences answered so far: a new session's notice before one needs no other. */
  private final AtomicLong differencesAnswered = new AtomicLong();
  private volatile boolean started;
  private volatile boolean stopped;
  /** A stop is queued: the running turn asks for nothing more (no scan of the inbox). */
  private volatile boolean stopping;
  private volatile Thread worker;
  private MessageBox box;
  private UpdateBatch.Committed committed;
  private Duration retry = FIRST_RETRY;
  private Instant retryAt = Instant.MIN;
  private ScheduledFuture<?> wake;
  /** Peers a short message named and storage had: a stream from one sender is looked up once. */
  private final Set<Long> seen = new HashSet<>();

  /**
   * A loop for the client {@code name}. {@code invoke} calls a method as the client does,
   * writing the users and chats of its answer to {@code storage} before returning it: the loop
   * writes the peers of pushed updates only.
   */
  UpdateLoop(String name, Storage storage, Function<TlObject, Object> invoke,
      Function<byte[], TlObject> decode, Handlers handlers, InstantSource clock) {
    this.name = name;
    this.storage = storage;
    this.invoke = invoke;
    this.decode = decode;
    this.handlers = handlers;
    this.clock = clock;
  }

  /** Whether {@code result} is an {@code Updates} object (a send request's result). */
  static boolean carriesUpdates(Object result) {
    return result instanceof TlObject t && UPDATES.contains(t.name());
  }

  /** Starts the loop: resumes from the stored state or asks for a new one. Idempotent. */
  void start() {
    if (!started && !stopped) {
      started = true;
      submit(new Tick());
    }
  }

  /**
   * A pushed {@code Updates} object, still encoded (decoded on the loop's thread, so the
   * connection's thread goes back to reading at once); returns false (ignored) until started.
   */
  boolean pushed(byte[] updates) {
    if (started && !stopped) {
      submit(new Pushed(updates));
      return true;
    }
    return false;
  }

  /** The session logged in: a state failed for lack of a login is asked again now. */
  void loggedIn() {
    if (started && !stopped) {
      submit(new LoggedIn());
    }
  }

  /**
   * The server started a new session ({@code new_session_created}): it may have lost updates of
   * the old one, so the difference is fetched (core.telegram.org/mtproto/service_messages),
   * unless a difference is answered after this notice (the server computed it on the new
   * session: a start's difference usually is). Ignored until started: a start fetches the
   * difference or the state anyway.
   */
  void sessionCreated() {
    if (started && !stopped) {
      submit(new Resync(differencesAnswered.get()));
    }
  }

  /** The {@code Updates} result of {@code request}; ignored until started. */
  void sent(TlObject result, TlObject request) {
    if (started) {
      submit(new Sent(result, request));
    }
  }

  /**
   * Stops the loop: the running turn finishes its batch and commits; queued updates are left for
   * the next start's difference. Waits for that unless called from a handler.
   */
  void stop() {
    if (!started || stopped) {
      stopped = true;
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    stopping = true;
    submit(new Stop(done));
    if (Thread.currentThread() == worker) {
      return;
    }
    try {
      done.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, name + ": the update loop did not stop in time", e);
    }
  }

  private void submit(Object event) {
    inbox.add(event);
    if (scheduled.compareAndSet(false, true)) {
      UpdateThreads.WORKERS.execute(this::run);
    }
  }

  private void run() {
    worker = Thread.currentThread();
    try {
      do {
        turn();
        scheduled.set(false);
      } while (!inbox.isEmpty() && scheduled.compareAndSet(false, true));
    } finally {
      worker = null;
    }
  }

  /** Drains the inbox into one batch, fills what gaps it can, delivers, commits. */
  private void turn() {
    if (stopped) {
      inbox.clear();
      return;
    }
    UpdateBatch batch = new UpdateBatch();
    Object event;
    while ((event = inbox.poll()) != null) {
      if (event instanceof Stop s) {
        finish(batch);
        stopped = true;
        cancelWake();
        inbox.clear();
        s.done().complete(null);
        return;
      }
      if (event instanceof LoggedIn) {
        retry = FIRST_RETRY;
        retryAt = Instant.MIN;
        if (box != null && box.state().isEmpty()) {
          box = null;
        }
        continue;
      }
      ensureBox();
      if (event instanceof Resync r) {
        if (differencesAnswered.get() == r.answeredBefore()) {
          box.requestDifference();
        }
        continue;
      }
      take(event, batch);
    }
    finish(batch);
    drive();
    scheduleWake();
  }

  private void take(Object event, UpdateBatch batch) {
    try {
      if (event instanceof Pushed p) {
        TlObject pushed = decode.apply(p.bytes());
        batch.add(pushed, box.process(pushed));
      } else if (event instanceof Sent s) {
        batch.addAnswered(box.processSent(s.result(), s.request()));
      }
    } catch (RuntimeException bad) {
      LOG.log(System.Logger.Level.WARNING, name + ": an update could not be decoded or applied; asking"
          + " for the difference", bad);
      box.requestDifference();
    }
  }

  private void ensureBox() {
    if (box == null) {
      Session s = storage.session();
      long self = s.userId() == null ? 0 : s.userId();
      Optional<UpdateState> stored = storage.updateState();
      box = stored.isPresent()
          ? MessageBox.load(clock, self, stored.get(), storage.allChannelPts())
          : MessageBox.create(clock, self);
      box.cachedPeers(this::cached);
      committed = new UpdateBatch.Committed(stored.orElse(null), storage.allChannelPts());
    }
  }

  /** Whether storage has the peer a short message names (else the box fetches the difference). */
  private boolean cached(long peerId) {
    if (seen.contains(peerId)) {
      return true;
    }
    if (storage.peer(peerId).isEmpty()) {
      return false;
    }
    if (seen.size() >= SEEN_LIMIT) {
      seen.clear();
    }
    seen.add(peerId);
    return true;
  }

  /** Answers the box's requests one at a time, each answer delivered and committed. */
  private void drive() {
    ensureBox();
    while (!stopped && !stopping) {
      box.checkDeadlines();
      Optional<UpdateRequest> next = box.nextRequest();
      if (next.isEmpty() || clock.instant().isBefore(retryAt)) {
        return;
      }
      UpdateBatch batch = new UpdateBatch();
      if (!answer(next.get(), batch)) {
        return;
      }
      finish(batch);
    }
  }

  private boolean answer(UpdateRequest request, UpdateBatch batch) {
    try {
      if (request instanceof UpdateRequest.GetState s) {
        box.applyState((TlObject) invoke.apply(s.toTl()));
      } else if (request instanceof UpdateRequest.GetDifference d) {
        TlObject difference = (TlObject) invoke.apply(d.toTl());
        differencesAnswered.incrementAndGet();
        batch.addAnswered(box.applyDifference(difference));
      } else if (request instanceof UpdateRequest.GetChannelDifference c) {
        channelDifference(c, batch);
      }
      retry = FIRST_RETRY;
      return true;
    } catch (LoginRequiredException dead) {
      LOG.log(System.Logger.Level.WARNING, name + ": updates stopped: " + dead.getMessage());
      stopped = true;
      return false;
    } catch (RuntimeException failed) {
      LOG.log(System.Logger.Level.INFO, name + ": " + request.getClass().getSimpleName()
          + " failed; retrying in " + retry.toMillis() + " ms: " + failed);
      retryAt = clock.instant().plus(retry);
      retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
      if (!box.state().isPresent()) {
        box = null; // a login may store a state meanwhile: read it again
      }
      return false;
    }
  }

  private void channelDifference(UpdateRequest.GetChannelDifference c, UpdateBatch batch) {
    Optional<Long> hash = storage.peer(-1_000_000_000_000L - c.channelId())
        .map(Peer::accessHash);
    if (hash.isEmpty() || hash.get() == null) {
      batch.addAnswered(box.endChannelDifference(c.channelId(), false));
      return;
    }
    try {
      TlObject difference = (TlObject) invoke.apply(c.toTl(hash.get()));
      batch.addAnswered(box.applyChannelDifference(c.channelId(), difference));
    } catch (RpcException e) {
      boolean banned = e.errorMessage().equals("CHANNEL_PRIVATE")
          || e.errorMessage().equals("CHANNEL_INVALID");
      batch.addAnswered(box.endChannelDifference(c.channelId(), banned));
    }
  }

  private void finish(UpdateBatch batch) {
    if (box != null) {
      committed = batch.finish(handlers, box, storage, committed);
    }
  }

  private void scheduleWake() {
    if (stopped) {
      return;
    }
    Instant at = box == null ? retryAt : box.checkDeadlines();
    if (at.isBefore(retryAt)) {
      at = retryAt;
    }
    long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
    cancelWake();
    wake = UpdateThreads.TIMER.schedule(() -> submit(new Tick()), delay, TimeUnit.MILLISECONDS);
  }

  private void cancelWake() {
    if (wake != null) {
      wake.cancel(false);
      wake = null;
    }
  }

  /** A pushed {@code Updates} object as it came off the connection. */
  private record Pushed(byte[] bytes) {}

  /** Wakes the loop to check deadlines and requests. */
  private record Tick() {}

  /** A new server session; {@code answeredBefore}: the differences answered when it came. */
  private record Resync(long answeredBefore) {}

  /** The session logged in. */
  private record LoggedIn() {}

  /** A send request's result. */
  private record Sent(TlObject result, TlObject request) {}

  /** Ends the loop once the running turn is done. */
  private record Stop(CompletableFuture<Void> done) {}
}
