package dev.jgram.net;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlCombinator;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.VectorResult;
import dev.jgram.testdc.services.Services;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loopback DCs answered by testdc's API services (accounts, bot and user login, migration,
 * messages, updates and differences, faults): the services decide every answer and push every
 * update, the loopback DCs carry the MTProto. One harness for the client's and the command
 * line's tests and for the updates benchmark. Test code only.
 *
 * <pre>{@code
 * try (LoopbackServices cluster = new LoopbackServices(null, 2, 4)) {
 *   cluster.services.addBot(BotSpec.ofToken(token));
 *   // dial cluster.dc(2).address() trusting LoopbackDc.KEY
 * }
 * }</pre>
 */
public final class LoopbackServices implements AutoCloseable {
  public final Map<Integer, LoopbackDc> dcs = new TreeMap<>();
  public final Services services;
  public final List<LoginEvent> logins = new CopyOnWriteArrayList<>();
  /** The method of every query answered, in order. */
  public final List<String> methods = new CopyOnWriteArrayList<>();
  /** Errors to answer instead of the services, each once: method, DC (0: any), code, text. */
  private final List<Object[]> forced = new CopyOnWriteArrayList<>();
  private final Queue<Map.Entry<Long, byte[]>> pushed = new ConcurrentLinkedQueue<>();
  private volatile boolean keepPushes;
  private final ExecutorService pusher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "services-push");
    t.setDaemon(true);
    return t;
  });

  /**
   * Starts one loopback DC per id and the services over them.
   *
   * @param stateDir where the services keep their state across restarts, or null for memory
   */
  public LoopbackServices(Path stateDir, int... ids) throws IOException {
    List<DcAddress> addresses = new ArrayList<>();
    for (int id : ids) {
      LoopbackDc dc = new LoopbackDc(id);
      dcs.put(id, dc);
      addresses.add(new DcAddress(id, "127.0.0.1", dc.address().port()));
    }
    services = Services.open(addresses, Clock.systemUTC(), RandomSource.secure(), stateDir,
        this::push, logins::add);
    dcs.values().forEach(dc -> dc.contextHandler =
        (key, session, msgId, apiId, query) -> answer(dc.id, key, session, msgId, apiId, query));
  }

  /**
   * Pushes to every live session of the user, on one thread in the order the services push (the
   * services call this under their lock; the loopback DCs take their connection's lock).
   */
  private void push(long userId, TlObject updates) {
    byte[] bytes = LoopbackDc.CODEC.encode(updates);
    if (keepPushes) {
      pushed.add(Map.entry(userId, bytes));
    }
    pusher.execute(() -> pushNow(userId, bytes));
  }

  private void pushNow(long userId, byte[] updates) {
    for (LoopbackDc dc : dcs.values()) {
      dc.push(key -> services.userOf(key).orElse(0) == userId, updates);
    }
  }

  /** Keeps every later push, for {@link #repushAll}. */
  public void keepPushes() {
    keepPushes = true;
  }

  /** The updates kept since {@link #keepPushes()} that were pushed to {@code userId}, in order. */
  public List<TlObject> keptPushes(long userId) {
    List<TlObject> kept = new ArrayList<>();
    for (Map.Entry<Long, byte[]> e : pushed) {
      if (e.getKey() == userId) {
        kept.add(LoopbackDc.CODEC.decode(e.getValue()));
      }
    }
    return kept;
  }

  /** Pushes everything kept since {@link #keepPushes()} once more, in order (duplicates). */
  public void repushAll(long userId) {
    for (Map.Entry<Long, byte[]> e : pushed) {
      if (e.getKey() == userId) {
        pusher.execute(() -> pushNow(userId, e.getValue()));
      }
    }
  }

  /** Waits until every push so far has gone out. */
  public void pushesSent() throws Exception {
    pusher.submit(() -> { }).get();
  }

  /**
   * Every DC forgets every session it holds (as a server may at any time): the next message of
   * a client makes a new one, announced with {@code new_session_created}.
   */
  public void forgetSessions() {
    for (LoopbackDc dc : dcs.values()) {
      dc.keys.values().forEach(k -> k.sessionIds().forEach(k::forget));
    }
  }

  public LoopbackDc dc(int id) {
    return dcs.get(id);
  }

  /** The next call of {@code method} on {@code dc} (0: any DC) answers this error. */
  public void failOnce(String method, int dc, int code, String message) {
    forced.add(new Object[] {method, dc, code, message});
  }

  /** Key exchanges on every DC. */
  public int keyExchanges() {
    return dcs.values().stream().mapToInt(d -> d.keyExchanges.get()).sum();
  }

  /** Queries of {@code method} answered so far. */
  public long count(String method) {
    return methods.stream().filter(method::equals).count();
  }

  private LoopbackDc.Answer answer(int dc, long key, long session, long msgId, int apiId,
      byte[] bytes) {
    TlObject query = LoopbackDc.CODEC.decode(bytes);
    methods.add(query.name());
    for (Object[] f : forced) {
      if (f[0].equals(query.name()) && ((int) f[1] == 0 || (int) f[1] == dc)
          && forced.remove(f)) {
        return LoopbackDc.Answer.error((int) f[2], (String) f[3]);
      }
    }
    Answer a = services.handle(new CallContext(dc, key, session, msgId, 198, apiId, false, 0),
        query);
    if (a instanceof Answer.Error e) {
      return LoopbackDc.Answer.error(e.code(), e.message());
    }
    TlObject value = ((Answer.Result) a).value();
    if (VectorResult.isVector(value)) {
      TlCombinator c = LoopbackDc.CODEC.schema().byName(query.name()).orElseThrow();
      return LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(VectorResult.items(value),
          c.resultType().toString()));
    }
    return LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(value));
  }

  @Override
  public void close() throws IOException {
    pusher.shutdownNow();
    services.close();
    for (LoopbackDc dc : dcs.values()) {
      dc.close();
    }
  }
}
