package dev.jgram.mtproto.session;

import dev.jgram.mtproto.session.Containers.Batch;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.tl.TlObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One client session on the server: answers the queries {@link AuthKeySessions#receive} handed
 * out, pushes updates, and keeps what the checks and service messages need (received ids with
 * their seqnos, pending queries, unacknowledged messages, recent answers).
 *
 * <p>Every method returns the encrypted messages to write, in order. Answers ({@code ≡ 1 mod
 * 4}) and pushes ({@code ≡ 3}) are content-related; results and updates larger than 255 bytes
 * travel as {@code gzip_packed} when that is smaller; acknowledgements of queries still
 * running ride along with whatever goes out next. Thread-safe through the owning
 * {@link AuthKeySessions}' lock.
 */
public final class ServerSession {
  final AuthKeySessions key;
  final long sessionId;
  final SeqNoCounter seqNos = new SeqNoCounter();
  final ReceivedIds received;
  final AckQueue acks = new AckQueue();
  final ServerOutbox outbox;
  final Set<Long> pending = new LinkedHashSet<>();
  private final List<Framed> queued = new ArrayList<>();
  private boolean resending;

  ServerSession(AuthKeySessions key, long sessionId) {
    this.key = key;
    this.sessionId = sessionId;
    this.received = new ReceivedIds(key.options.keptMsgIds());
    this.outbox = new ServerOutbox(key.options.storedAnswers());
  }

  /** The client's session_id. */
  public long sessionId() {
    return sessionId;
  }

  /** The id of the auth key the session belongs to. */
  public long authKeyId() {
    return key.authKeyId();
  }

  /** Queries handed out and not yet answered or dropped. */
  public int pendingQueries() {
    synchronized (key) {
      return pending.size();
    }
  }

  /**
   * Answers the query {@code reqMsgId} with {@code result} (a serialised object) in
   * {@code rpc_result}. Nothing is sent if the query is not pending: unknown, already
   * answered, or dropped by {@code rpc_drop_answer}.
   */
  public List<byte[]> answer(long reqMsgId, byte[] result, Instant now) {
    synchronized (key) {
      if (!pending.remove(reqMsgId)) {
        return List.of();
      }
      acks.remove(reqMsgId); // rpc_result acknowledges its query
      queueAnswer(reqMsgId, Compression.packIfSmaller(result), now);
      return seal(now);
    }
  }

  /** Answers the query {@code reqMsgId} with {@code rpc_error code message}. */
  public List<byte[]> answerError(long reqMsgId, int code, String message, Instant now) {
    return answer(reqMsgId, ServiceTl.encode(TlObject.of("rpc_error", "error_code", code,
        "error_message", message)), now);
  }

  /** Pushes {@code updates} (a serialised {@code Updates}) with a msg_id ≡ 3 mod 4. */
  public List<byte[]> push(byte[] updates, Instant now) {
    synchronized (key) {
      queue(Compression.packIfSmaller(updates), true, MsgIdGenerator.NOTIFICATION, now);
      return seal(now);
    }
  }

  /** Sends the pending acknowledgements (for queries that run long), if any. */
  public List<byte[]> flush(Instant now) {
    synchronized (key) {
      return seal(now);
    }
  }

  void queueAnswer(long reqMsgId, byte[] result, Instant now) {
    Framed answer = new Framed(key.ids.next(now, MsgIdGenerator.RESPONSE), seqNos.next(true),
        ServiceTl.rpcResult(reqMsgId, result));
    outbox.storeAnswer(reqMsgId, answer);
    queued.add(answer);
  }

  /** Numbers a new message and queues it; content-related ones are kept until acknowledged. */
  void queue(byte[] body, boolean contentRelated, int remainder, Instant now) {
    Framed message = new Framed(key.ids.next(now, remainder), seqNos.next(contentRelated), body);
    if (contentRelated) {
      outbox.store(message);
    }
    queued.add(message);
  }

  /** Queues a message sent before, with its old id and seqno, inside a fresh container. */
  void queueAgain(Framed message) {
    queued.add(message);
    resending = true;
  }

  boolean hasQueued() {
    return !queued.isEmpty();
  }

  /** Encrypts what is queued plus pending acknowledgements. */
  List<byte[]> seal(Instant now) {
    List<Framed> all = new ArrayList<>(queued);
    queued.clear();
    for (List<Long> group : acks.drain()) {
      all.add(new Framed(key.ids.next(now, MsgIdGenerator.RESPONSE), seqNos.next(false),
          AckQueue.body(group)));
    }
    boolean again = resending;
    resending = false;
    List<byte[]> out = new ArrayList<>();
    for (Batch batch : Containers.pack(all, numbering(now), again)) {
      out.add(key.seal(sessionId, batch, now));
    }
    return out;
  }

  private Containers.Numbering numbering(Instant now) {
    return new Containers.Numbering() {
      @Override
      public long msgId(List<Framed> inner) {
        boolean answers = inner.stream().anyMatch(m -> (m.msgId() & 3) == MsgIdGenerator.RESPONSE);
        return key.ids.next(now, answers ? MsgIdGenerator.RESPONSE : MsgIdGenerator.NOTIFICATION);
      }

      @Override
      public int seqNo() {
        return seqNos.next(false);
      }
    };
  }
}
