package dev.jgram.net;

import dev.jgram.mtproto.MessageIds;
import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.ServerKeyExchange;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.session.AuthKeySessions;
import dev.jgram.mtproto.session.SaltSchedule;
import dev.jgram.mtproto.session.ServerOptions;
import dev.jgram.mtproto.session.ServerReceipt;
import dev.jgram.mtproto.session.ServerSession;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.transport.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-DC MTProto server on 127.0.0.1 for the network tests, assembled from mtproto's server
 * halves (ServerKeyExchange, AuthKeySessions): a thread per connection, keys in memory, and a
 * handler that answers each unwrapped query. Test code only.
 */
public final class LoopbackDc implements AutoCloseable {
  public static final RsaPrivateKey KEY = RsaPrivateKey.generate();
  public static final TlCodec CODEC = TlCodec.forLayer(198);

  /** A handler's answer: a result, an error, or null for no answer at all. */
  public record Answer(byte[] result, int code, String message) {
    public static Answer ok(byte[] result) {
      return new Answer(result, 0, null);
    }

    public static Answer error(int code, String message) {
      return new Answer(null, code, message);
    }
  }

  /** Answers one query. */
  public interface Handler {
    /** The answer to {@code query} (a call of {@code method}), or null for none. */
    Answer answer(String method, byte[] query);
  }

  /** The auth_key_id of the query being handled, for handlers that bind keys to users. */
  public static final ThreadLocal<Long> CURRENT_KEY = new ThreadLocal<>();

  /** Answers one query knowing who sent it (the key, the session, the msg_id, the api_id). */
  public interface ContextHandler {
    /** The answer, or null for none. */
    Answer answer(long authKeyId, long sessionId, long msgId, int apiId, byte[] query);
  }

  public final int id;
  public final AtomicInteger keyExchanges = new AtomicInteger();
  public final AtomicInteger connections = new AtomicInteger();
  /** bad_server_salt notifications sent (error code 48). */
  public final AtomicInteger badSalts = new AtomicInteger();
  public final Semaphore accepted = new Semaphore(0);
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final List<Boolean> wrapped = new CopyOnWriteArrayList<>();
  public final Set<Long> sessionIds = ConcurrentHashMap.newKeySet();
  public final Map<Long, AuthKeySessions> keys = new ConcurrentHashMap<>();
  public volatile Handler handler = (method, query) -> Answer.error(400, "METHOD_INVALID");
  public volatile boolean mute;
  /** Transport errors (e.g. -429) to answer the next encrypted messages with, then close. */
  public final java.util.Queue<Integer> transportErrors =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** When set, answers every query instead of {@link #handler}. */
  public volatile ContextHandler contextHandler;
  private final ServerSocket socket;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final RandomSource random = RandomSource.secure();
  private final MessageIds ids = new MessageIds(Clock.systemUTC(), 0);

  public LoopbackDc(int id) throws IOException {
    this.id = id;
    this.socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "loopback-dc" + id);
    accept.setDaemon(true);
    accept.start();
  }

  public DcAddress address() {
    return new DcAddress(id, "127.0.0.1", socket.getLocalPort());
  }

  public static ServerKeys serverKeys() {
    return ServerKeys.none().withPem(KEY.publicKey().toPem());
  }

  /** Closes every open connection (the server stays up). */
  public void dropConnections() {
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    dropConnections();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        connections.incrementAndGet();
        accepted.release();
        Thread t = new Thread(() -> serve(s), "loopback-dc" + id + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      Connection c = Connection.server(s.getInputStream(), s.getOutputStream(), random);
      ServerKeyExchange.State kex = ServerKeyExchange.initial();
      boolean[] inited = {false};
      while (true) {
        byte[] frame = Padding.strip(c.receive());
        if (AuthKeySessions.authKeyIdOf(frame) == 0) {
          kex = exchange(c, kex, frame);
        } else {
          encrypted(c, frame, inited);
        }
      }
    } catch (IOException | RuntimeException ended) {
      // The client or the test closed the connection.
    } finally {
      open.remove(s);
    }
  }

  private ServerKeyExchange.State exchange(Connection c, ServerKeyExchange.State state,
      byte[] frame) throws IOException {
    ServerKeyExchange.Step step = ServerKeyExchange.answer(
        ServerKeyExchangeOptions.of(id, List.of(KEY)), state, PlainMessage.decode(frame).body(),
        keys::containsKey);
    step.key().ifPresent(k -> {
      keys.put(k.authKeyId(), new AuthKeySessions(k.authKey(),
          SaltSchedule.telegram(k.firstSalt(), Instant.now(), random), random,
          ServerOptions.defaults()));
      keyExchanges.incrementAndGet();
    });
    c.send(new PlainMessage(ids.next() | 1, step.answer()).encode());
    return step.state();
  }

  private void encrypted(Connection c, byte[] frame, boolean[] inited) throws IOException {
    Integer error = transportErrors.poll();
    if (error != null) {
      c.sendError(error);
      throw new IOException("closing after transport error " + error);
    }
    AuthKeySessions sessions = keys.get(AuthKeySessions.authKeyIdOf(frame));
    if (sessions == null) {
      c.sendError(-404);
      return;
    }
    Instant now = Instant.now();
    CURRENT_KEY.set(sessions.authKeyId());
    ServerReceipt receipt = sessions.receive(frame, now);
    sessionIds.add(receipt.sessionId());
    receipt.rejection().filter(r -> r.errorCode() == 48).ifPresent(r -> badSalts.incrementAndGet());
    if (mute) {
      return;
    }
    for (byte[] reply : receipt.replies()) {
      c.send(reply);
    }
    ServerSession session = receipt.session().orElse(null);
    for (ServerReceipt.Query q : receipt.queries()) {
      answer(c, session, q, inited, now);
    }
  }

  private void answer(Connection c, ServerSession session, ServerReceipt.Query q,
      boolean[] inited, Instant now) throws IOException {
    TlReader r = new TlReader(q.body());
    int apiId = unwrap(r);
    boolean wasWrapped = apiId >= 0;
    inited[0] |= wasWrapped;
    byte[] query = r.readRaw(r.remaining());
    String method = Wrappers.methodName(CODEC.schema(), query);
    calls.add(method);
    wrapped.add(wasWrapped);
    ContextHandler context = contextHandler;
    Answer a = !inited[0] ? Answer.error(400, "CONNECTION_NOT_INITED")
        : context != null ? context.answer(CURRENT_KEY.get(), session.sessionId(), q.msgId(),
            apiId, query)
        : handler.answer(method, query);
    if (a == null) {
      return;
    }
    List<byte[]> out = a.result() != null ? session.answer(q.msgId(), a.result(), now)
        : session.answerError(q.msgId(), a.code(), a.message(), now);
    for (byte[] m : out) {
      c.send(m);
    }
  }

  /** Skips invokeWithLayer and initConnection (flags 0); their api_id, or -1 without. */
  private static int unwrap(TlReader r) {
    if (r.peekInt() != Wrappers.INVOKE_WITH_LAYER) {
      return -1;
    }
    r.readInt();
    r.readInt();
    if (r.readInt() != Wrappers.INIT_CONNECTION) {
      throw new IllegalStateException("invokeWithLayer without initConnection");
    }
    r.readInt();
    int apiId = r.readInt();
    for (int i = 0; i < 6; i++) {
      r.readString();
    }
    return apiId;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }
}
