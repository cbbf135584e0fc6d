package dev.jgram.mtproto.session;

import java.util.List;

/**
 * What {@link ClientSession#pack} produced: the encrypted messages to write, in order, and the
 * msg_id each handed-in message got.
 *
 * @param messages encrypted messages, each one transport frame
 * @param msgIds the msg_id of each handed-in message, in the order they were handed in
 */
public record Packed(List<byte[]> messages, List<Long> msgIds) {

  /** Copies the lists. */
  public Packed {
    messages = List.copyOf(messages);
    msgIds = List.copyOf(msgIds);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return messages.isEmpty();
  }
}
