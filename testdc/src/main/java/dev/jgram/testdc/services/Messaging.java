package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * Sends private messages and channel posts: stores them in each affected box (advancing its pts
 * by 1) and pushes the update every affected account receives; the sending session gets its
 * update in the query's result instead (see {@link Backend#push(long, TlObject, Call)}). The
 * origin is the query that sent it, or null for a test's action, which every session hears of.
 */
final class Messaging {
  static final int MAX_LENGTH = 4096;

  private final Backend backend;

  Messaging(Backend backend) {
    this.backend = backend;
  }

  /** Sends a private message; returns the sender's copy. */
  BoxMessage sendPrivate(long from, long to, String text, Call origin) {
    checkText(text);
    int now = backend.now();
    BoxMessage sent = store(from, to, from, true, now, text);
    if (to != from) {
      BoxMessage received = store(to, from, from, false, now, text);
      backend.push(to, shortMessage(received, from), origin);
    }
    backend.push(from, shortMessage(sent, to), origin);
    return sent;
  }

  private BoxMessage store(long owner, long peer, long from, boolean out, int date,
      String text) {
    Box box = backend.state.box(owner);
    BoxMessage message = new BoxMessage(box.nextMessageId(), peer, from, out, date,
        box.pts() + 1, text);
    backend.state.commit(StateLines.boxMessage(owner, message));
    return message;
  }

  private static TlObject shortMessage(BoxMessage m, long otherUser) {
    return TlObject.of("updateShortMessage", "out", m.out() ? Boolean.TRUE : null,
        "id", m.id(), "user_id", otherUser, "message", m.text(), "pts", m.pts(),
        "pts_count", 1, "date", m.date());
  }

  /** Posts in a channel and pushes {@code updateNewChannelMessage} to every member. */
  ChannelMessage post(Channel channel, long from, String text, Call origin) {
    checkText(text);
    ChannelMessage message = new ChannelMessage(channel.nextMessageId(), from, backend.now(),
        channel.pts() + 1, text);
    backend.state.commit(StateLines.channelMessage(channel.id(), message));
    for (long member : channel.members()) {
      backend.push(member, channelUpdates(member, channel, message, List.of()), origin);
    }
    return message;
  }

  /** {@code updates} holding {@code before} and the new channel message, as {@code viewer} sees. */
  TlObject channelUpdates(long viewer, Channel channel, ChannelMessage m, List<TlObject> before) {
    TlObject update = TlObject.of("updateNewChannelMessage",
        "message", Views.message(viewer, channel, m), "pts", m.pts(), "pts_count", 1);
    List<TlObject> updates = new java.util.ArrayList<>(before);
    updates.add(update);
    return TlObject.of("updates", "updates", updates,
        "users", backend.views.users(viewer, List.of(m.fromId())),
        "chats", List.of(backend.views.channel(viewer, channel)),
        "date", m.date(), "seq", 0);
  }

  private static void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw RpcException.badRequest("MESSAGE_EMPTY");
    }
    if (text.length() > MAX_LENGTH) {
      throw RpcException.badRequest("MESSAGE_TOO_LONG");
    }
  }
}
