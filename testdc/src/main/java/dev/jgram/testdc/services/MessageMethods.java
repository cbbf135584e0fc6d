package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/** {@code messages.sendMessage} and {@code messages.getHistory}, private and in channels. */
final class MessageMethods {
  static final int MAX_HISTORY = 100;

  private final Backend backend;
  private final Inputs inputs;
  private final Messaging messaging;

  MessageMethods(Backend backend, Inputs inputs, Messaging messaging) {
    this.backend = backend;
    this.inputs = inputs;
    this.messaging = messaging;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.loggedIn("messages.sendMessage", this::sendMessage);
    dispatcher.loggedIn("messages.getHistory", this::getHistory);
  }

  private TlObject sendMessage(Call call) {
    TlObject peer = call.query().object("peer");
    String text = call.query().string("message");
    long randomId = call.query().longValue("random_id");
    if (Inputs.isChannel(peer)) {
      Channel channel = inputs.readableChannel(call.userId(), peer);
      if (!channel.canPost(call.userId())) {
        throw RpcException.badRequest(channel.isMember(call.userId())
            ? "CHAT_WRITE_FORBIDDEN" : "CHANNEL_PRIVATE");
      }
      ChannelMessage m = messaging.post(channel, call.userId(), text, call);
      return messaging.channelUpdates(call.userId(), channel, m, List.of(
          TlObject.of("updateMessageID", "id", m.id(), "random_id", randomId)));
    }
    Account to = inputs.user(call.userId(), peer)
        .orElseThrow(() -> RpcException.badRequest("PEER_ID_INVALID"));
    BoxMessage sent = messaging.sendPrivate(call.userId(), to.id(), text, call);
    return TlObject.of("updateShortSentMessage", "out", Boolean.TRUE, "id", sent.id(),
        "pts", sent.pts(), "pts_count", 1, "date", sent.date());
  }

  private TlObject getHistory(Call call) {
    TlObject peer = call.query().object("peer");
    long viewer = call.userId();
    if (Inputs.isChannel(peer)) {
      Channel channel = inputs.readableChannel(viewer, peer);
      List<ChannelMessage> page = page(channel.messages(), ChannelMessage::id,
          ChannelMessage::date, call.query());
      List<TlObject> messages = new ArrayList<>();
      page.forEach(m -> messages.add(Views.message(viewer, channel, m)));
      return TlObject.of("messages.channelMessages", "pts", channel.pts(),
          "count", channel.messages().size(), "messages", messages, "topics", List.of(),
          "chats", List.of(backend.views.channel(viewer, channel)),
          "users", backend.views.users(viewer, Views.usersOf(page)));
    }
    Account other = inputs.user(viewer, peer)
        .orElseThrow(() -> RpcException.badRequest("PEER_ID_INVALID"));
    List<BoxMessage> dialog = backend.state.box(viewer).messages().stream()
        .filter(m -> m.peerId() == other.id()).toList();
    List<BoxMessage> page = page(dialog, BoxMessage::id, BoxMessage::date, call.query());
    List<TlObject> messages = page.stream().map(Views::message).toList();
    List<TlObject> users = backend.views.users(viewer, Views.usersOf(viewer, page));
    if (page.size() == dialog.size()) {
      return TlObject.of("messages.messages", "messages", messages, "topics", List.of(),
          "chats", List.of(), "users", users);
    }
    return TlObject.of("messages.messagesSlice", "count", dialog.size(), "messages", messages,
        "topics", List.of(), "chats", List.of(), "users", users);
  }

  /**
   * Newest first: ids below {@code offset_id} and {@code max_id} (when positive), above
   * {@code min_id}, dates before {@code offset_date} (when positive), skipping a positive
   * {@code add_offset}, at most {@code limit} (1 to 100; 100 otherwise).
   */
  static <M> List<M> page(List<M> all, ToIntFunction<M> id, ToIntFunction<M> date,
      TlObject query) {
    int offsetId = query.intValue("offset_id");
    int offsetDate = query.intValue("offset_date");
    int maxId = query.intValue("max_id");
    int minId = query.intValue("min_id");
    int limit = query.intValue("limit");
    return all.stream()
        .filter(m -> offsetId <= 0 || id.applyAsInt(m) < offsetId)
        .filter(m -> maxId <= 0 || id.applyAsInt(m) < maxId)
        .filter(m -> minId <= 0 || id.applyAsInt(m) > minId)
        .filter(m -> offsetDate <= 0 || date.applyAsInt(m) < offsetDate)
        .sorted(Comparator.comparingInt(id).reversed())
        .skip(Math.max(0, query.intValue("add_offset")))
        .limit(limit <= 0 || limit > MAX_HISTORY ? MAX_HISTORY : limit)
        .toList();
  }
}
