package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.ServiceTl.MSG_CONTAINER;
import static dev.jgram.mtproto.session.ServiceTl.MSG_COPY;

import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A client message's body taken apart for the server's checks 8 and 10: the messages it
 * carries (itself, or the contents of a {@code msg_container} or {@code msg_copy}), the seqno
 * parity code (34/35, 0 if right) and what makes a container invalid (null if nothing).
 *
 * @param wrapped whether the messages came out of a container or copy
 * @param messages the messages to process, in order
 * @param parityCode 34 (even expected), 35 (odd expected) or 0
 * @param containerFailure why the container is invalid (code 64), or null
 */
record ParsedMessage(boolean wrapped, List<Framed> messages, int parityCode,
    String containerFailure) {

  static ParsedMessage parse(Plain p) {
    int id = ServiceTl.id(p.body());
    if (id == MSG_CONTAINER || id == MSG_COPY) {
      int parity = (p.seqNo() & 1) == 1 ? 34 : 0;
      List<Framed> inner;
      try {
        inner = id == MSG_CONTAINER ? Containers.unpack(p.body()) : List.of(copied(p.body()));
      } catch (SessionCheckException | TlException e) {
        return new ParsedMessage(true, List.of(), parity, e.getMessage());
      }
      String failure = validate(p.msgId(), p.seqNo(), inner);
      for (int i = 0; parity == 0 && failure == null && i < inner.size(); i++) {
        parity = parity(inner.get(i).seqNo(), Compression.unwrap(inner.get(i).body()));
      }
      return new ParsedMessage(true, inner, parity, failure);
    }
    Framed only = new Framed(p.msgId(), p.seqNo(), p.body());
    byte[] body = Compression.unwrap(p.body());
    String failure = ServiceTl.id(body) == MSG_CONTAINER ? "msg_container inside gzip_packed"
        : null;
    return new ParsedMessage(false, List.of(only), parity(p.seqNo(), body), failure);
  }

  /** 34 if a container or copy is marked content-related, 35 if a query is not, else 0. */
  static int parity(int seqNo, byte[] body) {
    boolean odd = (seqNo & 1) == 1;
    int id = ServiceTl.id(body);
    if (id == MSG_CONTAINER || id == MSG_COPY) {
      return odd ? 34 : 0;
    }
    if (ServiceTl.eitherParity(id)) {
      return 0;
    }
    return odd ? 0 : 35;
  }

  private static String validate(long containerId, int containerSeqNo, List<Framed> inner) {
    Set<Long> seen = new HashSet<>();
    for (Framed m : inner) {
      String failure = validate(containerId, containerSeqNo, m, seen);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private static String validate(long containerId, int containerSeqNo, Framed m, Set<Long> seen) {
    if (m.msgId() >= containerId || (m.msgId() & 3) != 0 || !seen.add(m.msgId())) {
      return "inner msg_id " + m.msgId() + " is not a new client id below the container's "
          + containerId;
    }
    if (m.seqNo() > containerSeqNo) {
      return "inner seqno " + m.seqNo() + " is above the container's " + containerSeqNo;
    }
    try {
      byte[] body = Compression.unwrap(m.body());
      int id = ServiceTl.id(body);
      if (id == MSG_CONTAINER || id == MSG_COPY) {
        return "inner message " + m.msgId() + " is itself a container";
      }
      if (ServiceTl.isService(id)) {
        ServiceTl.decode(body);
      }
      return null;
    } catch (SessionCheckException e) {
      return e.getMessage();
    }
  }

  /** The bare {@code message msg_id seqno bytes body} of a {@code msg_copy}. */
  private static Framed copied(byte[] body) {
    TlReader reader = new TlReader(body);
    reader.readInt();
    long msgId = reader.readLong();
    int seqNo = reader.readInt();
    int length = reader.readInt();
    if (length < 0 || length != reader.remaining()) {
      throw new TlException("msg_copy message claims " + length + " bytes; "
          + reader.remaining() + " follow");
    }
    return new Framed(msgId, seqNo, reader.readRaw(length));
  }
}
