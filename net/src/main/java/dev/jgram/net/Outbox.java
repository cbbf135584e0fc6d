package dev.jgram.net;

import dev.jgram.mtproto.session.OutgoingMessage;
import dev.jgram.mtproto.session.Packed;
import java.util.ArrayList;
import java.util.List;

/** Packs messages with the connection's session and writes them to its link. */
final class Outbox {
  private Outbox() {}

  /** Sends {@code message} for {@code call} and files the call under its new msg_id. */
  static void send(DcConnection c, Call call, OutgoingMessage message) {
    if (!writable(c)) {
      c.queued.add(call);
      return;
    }
    Packed packed = c.session.pack(List.of(message), c.options.clock().instant());
    call.msgId = packed.msgIds().get(0);
    c.sent.put(call.msgId, call);
    packed.messages().forEach(c.link::send);
  }

  /** Sends calls that need no init wrapper together (containers as the session packs them). */
  static void sendAll(DcConnection c, List<Call> calls) {
    if (calls.isEmpty()) {
      return;
    }
    if (!writable(c)) {
      c.queued.addAll(calls);
      return;
    }
    List<OutgoingMessage> messages = new ArrayList<>(calls.size());
    for (Call call : calls) {
      messages.add(OutgoingMessage.query(call.query));
    }
    Packed packed = c.session.pack(messages, c.options.clock().instant());
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      call.msgId = packed.msgIds().get(i);
      c.sent.put(call.msgId, call);
    }
    packed.messages().forEach(c.link::send);
  }

  /** Sends a message no caller waits for (ping, pong, acks, resend requests). */
  static void sendService(DcConnection c, OutgoingMessage message) {
    if (!writable(c)) {
      return;
    }
    write(c, c.session.pack(List.of(message), c.options.clock().instant()));
  }

  /** Sends the pending acknowledgements alone. */
  static void flushAcks(DcConnection c) {
    if (!writable(c)) {
      return;
    }
    write(c, c.session.pack(List.of(), c.options.clock().instant()));
  }

  /** Whether messages can go out now; calls that cannot wait in the queue for the next link. */
  private static boolean writable(DcConnection c) {
    return c.link != null && c.link.isOpen() && c.state == DcConnection.State.READY;
  }

  private static void write(DcConnection c, Packed packed) {
    packed.messages().forEach(c.link::send);
  }
}
