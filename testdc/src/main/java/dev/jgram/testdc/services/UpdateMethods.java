package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code updates.getState}, {@code updates.getDifference} and
 * {@code updates.getChannelDifference}, answered from the account's box and the channel's log
 * (spec §8.1); a common difference also names, with {@code updateChannelTooLong}, the member
 * channels posted in after the client's state date. Empty when nothing was missed; everything
 * missed when it fits; a slice of the oldest missed when it does not (the common box:
 * {@code pts_total_limit} or the services' slice size, whichever is smaller; a channel:
 * {@code limit}, at most 100); too long when more than the services' too-long threshold was
 * missed.
 */
final class UpdateMethods {
  static final int MAX_CHANNEL_LIMIT = 100;

  private final Backend backend;
  private final Inputs inputs;

  UpdateMethods(Backend backend, Inputs inputs) {
    this.backend = backend;
    this.inputs = inputs;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.loggedIn("updates.getState", this::getState);
    dispatcher.loggedIn("updates.getDifference", this::getDifference);
    dispatcher.loggedIn("updates.getChannelDifference", this::getChannelDifference);
  }

  private TlObject getState(Call call) {
    Box box = backend.state.box(call.userId());
    return state(box, box.pts(), backend.now());
  }

  private static TlObject state(Box box, int pts, int date) {
    return TlObject.of("updates.state", "pts", pts, "qts", box.qts(), "date", date,
        "seq", box.seq(), "unread_count", 0);
  }

  private TlObject getDifference(Call call) {
    long viewer = call.userId();
    Box box = backend.state.box(viewer);
    List<BoxMessage> missed = box.after(checkedPts(call.query(), box.pts()));
    List<Channel> channels = channelsChangedAfter(viewer, call.query().intValue("date"));
    if (missed.isEmpty() && channels.isEmpty()) {
      return TlObject.of("updates.differenceEmpty", "date", backend.now(), "seq", box.seq());
    }
    if (missed.size() > backend.differenceTooLong) {
      return TlObject.of("updates.differenceTooLong", "pts", box.pts());
    }
    int limit = backend.differenceSlice;
    if (call.query().has("pts_total_limit")) {
      limit = Math.max(1, Math.min(limit, call.query().intValue("pts_total_limit")));
    }
    if (missed.size() > limit) {
      List<BoxMessage> part = missed.subList(0, limit);
      BoxMessage last = part.get(part.size() - 1);
      return difference("updates.differenceSlice", viewer, part, List.of(),
          "intermediate_state", state(box, last.pts(), last.date()));
    }
    return difference("updates.difference", viewer, missed, channels, "state",
        state(box, box.pts(), backend.now()));
  }

  /**
   * A difference: the missed messages, and an {@code updateChannelTooLong} (with the channel in
   * {@code chats}) for each channel with posts the client may have missed.
   */
  private TlObject difference(String name, long viewer, List<BoxMessage> messages,
      List<Channel> channels, String stateField, TlObject state) {
    return TlObject.of(name,
        "new_messages", messages.stream().map(Views::message).toList(),
        "new_encrypted_messages", List.of(),
        "other_updates", channels.stream().map(c -> TlObject.of("updateChannelTooLong",
            "channel_id", c.id(), "pts", c.pts())).toList(),
        "chats", channels.stream().map(c -> backend.views.channel(viewer, c)).toList(),
        "users", backend.views.users(viewer, Views.usersOf(viewer, messages)),
        stateField, state);
  }

  /** The viewer's channels with a post dated after {@code date} (the client's state date). */
  private List<Channel> channelsChangedAfter(long viewer, int date) {
    List<Channel> changed = new ArrayList<>();
    for (Channel channel : backend.state.channels()) {
      List<ChannelMessage> messages = channel.messages();
      if (channel.isMember(viewer) && !messages.isEmpty()
          && messages.get(messages.size() - 1).date() > date) {
        changed.add(channel);
      }
    }
    return changed;
  }

  private TlObject getChannelDifference(Call call) {
    long viewer = call.userId();
    Channel channel = inputs.readableChannel(viewer, call.query().object("channel"));
    List<ChannelMessage> missed = channel.after(checkedPts(call.query(), channel.pts()));
    if (missed.isEmpty()) {
      return TlObject.of("updates.channelDifferenceEmpty", "final", Boolean.TRUE,
          "pts", channel.pts());
    }
    int limit = call.query().intValue("limit");
    limit = limit <= 0 || limit > MAX_CHANNEL_LIMIT ? MAX_CHANNEL_LIMIT : limit;
    if (missed.size() > backend.differenceTooLong) {
      return channelTooLong(viewer, channel, missed.subList(missed.size() - limit,
          missed.size()));
    }
    boolean slice = missed.size() > limit;
    List<ChannelMessage> part = slice ? missed.subList(0, limit) : missed;
    return TlObject.of("updates.channelDifference", "final", slice ? null : Boolean.TRUE,
        "pts", part.get(part.size() - 1).pts(),
        "new_messages", part.stream().map(m -> Views.message(viewer, channel, m)).toList(),
        "other_updates", List.of(), "chats", List.of(backend.views.channel(viewer, channel)),
        "users", backend.views.users(viewer, Views.usersOf(part)));
  }

  /** The dialog as it stands and its newest messages; the client re-syncs from there. */
  private TlObject channelTooLong(long viewer, Channel channel, List<ChannelMessage> newest) {
    int top = newest.get(newest.size() - 1).id();
    TlObject dialog = TlObject.of("dialog", "peer", Views.peerChannel(channel.id()),
        "top_message", top, "read_inbox_max_id", top, "read_outbox_max_id", top,
        "unread_count", 0, "unread_mentions_count", 0, "unread_reactions_count", 0,
        "unread_poll_votes_count", 0, "notify_settings", TlObject.of("peerNotifySettings"),
        "pts", channel.pts());
    return TlObject.of("updates.channelDifferenceTooLong", "final", Boolean.TRUE,
        "dialog", dialog,
        "messages", newestFirst(viewer, channel, newest),
        "chats", List.of(backend.views.channel(viewer, channel)),
        "users", backend.views.users(viewer, Views.usersOf(newest)));
  }

  private static List<TlObject> newestFirst(long viewer, Channel channel,
      List<ChannelMessage> messages) {
    List<TlObject> out = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      out.add(Views.message(viewer, channel, messages.get(i)));
    }
    return out;
  }

  /** The query's pts: positive and not ahead of the box's. */
  private static int checkedPts(TlObject query, int current) {
    int pts = query.intValue("pts");
    if (pts <= 0) {
      throw RpcException.badRequest("PERSISTENT_TIMESTAMP_EMPTY");
    }
    if (pts > current) {
      throw RpcException.badRequest("PERSISTENT_TIMESTAMP_INVALID");
    }
    return pts;
  }
}
