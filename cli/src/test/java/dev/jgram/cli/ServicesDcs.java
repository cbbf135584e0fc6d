package dev.jgram.cli;

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

/**
 * testdc's API services (accounts, bot login, migration, faults) answering over loopback DCs:
 * the services decide every answer, the loopback DCs carry the MTProto. Test code only (the
 * client module's {@code ServicesCluster}, for the command line).
 */
final class ServicesDcs implements AutoCloseable {
  final Map<Integer, LoopbackDc> dcs = new TreeMap<>();
  final Services services;
  final List<LoginEvent> logins = new CopyOnWriteArrayList<>();
  final List<String> methods = new CopyOnWriteArrayList<>();
  /** Errors to answer instead of the services, each once: method, DC (0: any), code, text. */
  final List<Object[]> forced = new CopyOnWriteArrayList<>();

  ServicesDcs(Path stateDir, int... ids) throws IOException {
    List<DcAddress> addresses = new ArrayList<>();
    for (int id : ids) {
      LoopbackDc dc = new LoopbackDc(id);
      dcs.put(id, dc);
      addresses.add(new DcAddress(id, "127.0.0.1", dc.address().port()));
    }
    services = Services.open(addresses, Clock.systemUTC(), RandomSource.secure(), stateDir,
        (userId, updates) -> { }, logins::add);
    dcs.values().forEach(dc -> dc.contextHandler =
        (key, session, msgId, apiId, query) -> answer(dc.id, key, session, msgId, apiId, query));
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

  /** The command-line options that reach these DCs and trust their key. */
  List<String> options(Path keyFile) throws IOException {
    java.nio.file.Files.writeString(keyFile, LoopbackDc.KEY.publicKey().toPem());
    List<String> out = new ArrayList<>(List.of("--server-key", keyFile.toString()));
    dcs.values().forEach(d -> out.addAll(List.of("--dc", d.id + "=127.0.0.1:"
        + d.address().port())));
    return out;
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
    services.close();
    for (LoopbackDc dc : dcs.values()) {
      dc.close();
    }
  }
}
