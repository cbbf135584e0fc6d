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
    write(c, c.session.pack(List.of(message), c.options.clock().instant()));
  }

  /** Sends the pending acknowledgements alone. */
  static void flushAcks(DcConnection c) {
    write(c, c.session.pack(List.of(), c.options.clock().instant()));
  }

  private static void write(DcConnection c, Packed packed) {
    packed.messages().forEach(c.link::send);
  }
}
