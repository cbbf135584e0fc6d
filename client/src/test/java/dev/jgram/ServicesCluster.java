package dev.jgram;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlCombinator;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackDc;
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
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * testdc's API services (accounts, bot login, migration, faults) answering over loopback DCs:
 * the services decide every answer, the loopback DCs carry the MTProto. Test code only.
 */
final class ServicesCluster implements AutoCloseable {
  final Map<Integer, LoopbackDc> dcs = new TreeMap<>();
  final Services services;
  final List<LoginEvent> logins = new CopyOnWriteArrayList<>();
  final List<String> methods = new CopyOnWriteArrayList<>();
  /** Errors to answer instead of the services, each once: method, DC (0: any), code, text. */
  final List<Object[]> forced = new CopyOnWriteArrayList<>();
  final List<Map.Entry<Long, TlObject>> pushed = new CopyOnWriteArrayList<>();
  private final ExecutorService pusher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "services-push");
    t.setDaemon(true);
    return t;
  });

  ServicesCluster(Path stateDir, int... ids) throws IOException {
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
    pushed.add(Map.entry(userId, updates));
    byte[] bytes = LoopbackDc.CODEC.encode(updates);
    pusher.execute(() -> {
      for (LoopbackDc dc : dcs.values()) {
        dc.push(key -> services.userOf(key).orElse(0) == userId, bytes);
      }
    });
  }

  /** Pushes everything pushed to the user so far once more, in order (duplicates). */
  void repushAll(long userId) {
    for (Map.Entry<Long, TlObject> e : pushed) {
      if (e.getKey() == userId) {
        byte[] bytes = LoopbackDc.CODEC.encode(e.getValue());
        pusher.execute(() -> dcs.values().forEach(
            dc -> dc.push(key -> services.userOf(key).orElse(0) == userId, bytes)));
      }
    }
  }

  /** Waits until every push so far has gone out. */
  void pushesSent() throws Exception {
    pusher.submit(() -> { }).get();
  }

  /**
   * Every DC forgets every session it holds (as a server may at any time): the next message of
   * a client makes a new one, announced with {@code new_session_created}.
   */
  void forgetSessions() {
    for (LoopbackDc dc : dcs.values()) {
      dc.keys.values().forEach(k -> k.sessionIds().forEach(k::forget));
    }
  }

  LoopbackDc dc(int id) {
    return dcs.get(id);
  }

  /** The next call of {@code method} on {@code dc} (0: any DC) answers this error. */
  void failOnce(String method, int dc, int code, String message) {
    forced.add(new Object[] {method, dc, code, message});
  }

  int keyExchanges() {
    return dcs.values().stream().mapToInt(d -> d.keyExchanges.get()).sum();
  }

  long count(String method) {
    return methods.stream().filter(method::equals).count();
  }

  Client.Builder client(String name) {
    Client.Builder b = Client.builder(name).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem());
    dcs.values().forEach(d -> b.dc(d.id, "127.0.0.1", d.address().port()));
    return b;
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
