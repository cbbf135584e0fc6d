package dev.jgram.testdc.server;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.api.SessionUpdatePush;
import dev.jgram.testdc.event.EventLog;
import dev.jgram.testdc.io.IoLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection core of a test cluster: listeners for every DC (bound by {@link #bind}, so
 * their real ports are known before the API services are made), the I/O loops, key stores,
 * counters, faults and the event log. {@link #serve} starts accepting.
 */
public final class ClusterCore implements AutoCloseable {
  private final Map<Integer, DcServer> dcs;
  private final ClusterContext context;
  private final List<IoLoop> loops = new ArrayList<>();
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final int ioThreads;
  private volatile boolean closed;

  private ClusterCore(Map<Integer, DcServer> dcs, ClusterContext context, int ioThreads) {
    this.dcs = dcs;
    this.context = context;
    this.ioThreads = ioThreads;
  }

  /**
   * What the core needs.
   *
   * @param host the address to listen on and to hand clients
   * @param dcIds the DC ids, each at least 1
   * @param firstPort DC n listens on firstPort + n - 1; 0 for free ports
   * @param stateDir where keys are kept across restarts, or null for memory only
   * @param eventsFile where events are appended as JSON lines, or null
   * @param codecs the layers spoken
   * @param clock the base clock (faults may skew it)
   * @param random the randomness for nonces, paddings, salts
   * @param ioThreads how many selector threads serve all connections
   * @param rsaKey the cluster's RSA key, the same on every DC
   * @param dcRule which dc values in p_q_inner_data name a DC (-444 otherwise)
   * @param sessions how sessions behave (salt windows, limits)
   * @param eventsKept how many events the in-memory log keeps (the oldest go first)
   */
  public record Config(String host, List<Integer> dcIds, int firstPort, Path stateDir,
      Path eventsFile, LayerCodecs codecs, Clock clock, RandomSource random, int ioThreads,
      RsaPrivateKey rsaKey, ServerKeyExchangeOptions.DcRule dcRule, SessionSettings sessions,
      int eventsKept) {}

  /**
   * Binds every DC's listener and opens the key stores and the events file.
   *
   * @throws UncheckedIOException naming the port if a listener cannot be bound
   */
  public static ClusterCore bind(Config config) {
    ClusterClock clock = new ClusterClock(config.clock());
    EventLog events = EventLog.open(config.eventsFile(), config.eventsKept());
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "testdc-timers");
      thread.setDaemon(true);
      return thread;
    });
    ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "testdc-key-exchange");
      thread.setDaemon(true);
      return thread;
    });
    ClusterContext context = new ClusterContext(clock, config.random(), new Faults(clock),
        events, new Counters(), config.codecs(), new UpdateRouter(), scheduler, workers);
    Map<Integer, DcServer> dcs = new java.util.LinkedHashMap<>();
    ClusterCore core = new ClusterCore(dcs, context, config.ioThreads());
    try {
      for (int id : config.dcIds()) {
        dcs.put(id, bindDc(config, id, context));
      }
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
    return core;
  }

  private static DcServer bindDc(Config config, int id, ClusterContext context) {
    int port = config.firstPort() == 0 ? 0 : config.firstPort() + id - 1;
    ServerSocketChannel listener;
    try {
      listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(config.host(), port), 1024);
    } catch (BindException e) {
      throw new UncheckedIOException("DC " + id + " cannot listen on " + config.host() + ":"
          + port + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("DC " + id + " cannot listen on " + config.host() + ":"
          + port, e);
    }
    int bound = ((InetSocketAddress) socketAddress(listener)).getPort();
    KeyStore keys = config.stateDir() == null ? KeyStore.inMemory(id)
        : KeyStore.open(id, config.stateDir());
    ServerKeyExchangeOptions options = ServerKeyExchangeOptions.of(id, List.of(config.rsaKey()))
        .withRandom(config.random()).withClock(context.clock()).withDcRule(config.dcRule());
    return new DcServer(new DcAddress(id, config.host(), bound), listener, keys, options,
        config.sessions(), context);
  }

  /** Starts the I/O loops and accepts connections; queries go to {@code service}. */
  public synchronized void serve(ApiService service) {
    for (int i = 0; i < Math.max(1, ioThreads); i++) {
      loops.add(IoLoop.start("testdc-io-" + i));
    }
    for (DcServer dc : dcs.values()) {
      dc.serve(service, loops.get(0), this::nextLoop);
    }
  }

  private IoLoop nextLoop() {
    return loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
  }

  /** Where each DC listens, in the order the ids were given. */
  public List<DcAddress> addresses() {
    return dcs.values().stream().map(DcServer::address).toList();
  }

  /** Where the services push updates. */
  public SessionUpdatePush updatePush() {
    return context.updates();
  }

  /** Records that the services bound an auth key to an account. */
  public void login(LoginEvent event) {
    context.events().add(new ClusterEvent.Login(event.dcId(), event.authKeyId(),
        event.userId(), event.bot()));
  }

  /** The cluster's clock (skewed by {@link Faults#skewClock}). */
  public Clock clock() {
    return context.clock();
  }

  /** The fault knobs. */
  public Faults faults() {
    return context.faults();
  }

  /** The event log. */
  public EventLog events() {
    return context.events();
  }

  /** Completed key exchanges on DC {@code dcId}. */
  public int keyExchanges(int dcId) {
    return context.counters().keyExchanges(dcId);
  }

  /** Keys DC {@code dcId} holds. */
  public int keysHeld(int dcId) {
    return dc(dcId).keys().size();
  }

  /** Forgets a key of DC {@code dcId}: later messages with it get -404. */
  public boolean forgetKey(int dcId, long authKeyId) {
    return dc(dcId).forget(authKeyId);
  }

  /** Connections open now, on all DCs. */
  public int openConnections() {
    return context.counters().openConnections();
  }

  /** API calls answered since the start, on all DCs. */
  public long rpcs() {
    return context.counters().rpcs();
  }

  private DcServer dc(int dcId) {
    DcServer dc = dcs.get(dcId);
    if (dc == null) {
      throw new IllegalArgumentException("DC " + dcId + " is not in this cluster; it has "
          + dcs.keySet());
    }
    return dc;
  }

  /** Stops listening, closes every connection and the files. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    dcs.values().forEach(DcServer::stopListening);
    loops.forEach(IoLoop::close);
    context.scheduler().shutdownNow();
    context.workers().shutdownNow();
    try {
      context.workers().awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dcs.values().forEach(DcServer::closeKeys);
    context.events().close();
  }

  private static java.net.SocketAddress socketAddress(ServerSocketChannel channel) {
    try {
      return channel.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException("listener has no local address", e);
    }
  }
}
