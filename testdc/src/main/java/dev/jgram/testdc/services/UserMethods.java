package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.VectorResult;
import java.util.ArrayList;
import java.util.List;

/** {@code users.getUsers}, {@code users.getFullUser} and {@code contacts.resolveUsername}. */
final class UserMethods {
  private final Backend backend;
  private final Inputs inputs;

  UserMethods(Backend backend, Inputs inputs) {
    this.backend = backend;
    this.inputs = inputs;
  }

  void register(Dispatcher dispatcher) {
    dispatcher.loggedIn("users.getUsers", this::getUsers);
    dispatcher.loggedIn("users.getFullUser", this::getFullUser);
    dispatcher.loggedIn("contacts.resolveUsername", this::resolveUsername);
  }

  /** The users that resolve, in the order asked; the others are left out, as Telegram does. */
  private TlObject getUsers(Call call) {
    List<TlObject> users = new ArrayList<>();
    for (TlObject input : call.query().<TlObject>list("id")) {
      inputs.user(call.userId(), input)
          .ifPresent(a -> users.add(backend.views.user(call.userId(), a)));
    }
    return VectorResult.of(users);
  }

  private TlObject getFullUser(Call call) {
    Account account = inputs.user(call.userId(), call.query().object("id"))
        .orElseThrow(() -> RpcException.badRequest("USER_ID_INVALID"));
    TlObject full = TlObject.of("userFull",
        "id", account.id(),
        "settings", TlObject.of("peerSettings"),
        "notify_settings", TlObject.of("peerNotifySettings"),
        "common_chats_count", 0);
    return TlObject.of("users.userFull", "full_user", full, "chats", List.of(),
        "users", List.of(backend.views.user(call.userId(), account)));
  }

  private TlObject resolveUsername(Call call) {
    String username = call.query().string("username");
    if (!Usernames.lookupable(username)) {
      throw RpcException.badRequest("USERNAME_INVALID");
    }
    Peer peer = backend.state.peerByUsername(username)
        .orElseThrow(() -> RpcException.badRequest("USERNAME_NOT_OCCUPIED"));
    long viewer = call.userId();
    if (peer.channel()) {
      Channel channel = backend.state.channel(peer.id()).orElseThrow();
      return TlObject.of("contacts.resolvedPeer", "peer", Views.peerChannel(peer.id()),
          "chats", List.of(backend.views.channel(viewer, channel)), "users", List.of());
    }
    return TlObject.of("contacts.resolvedPeer", "peer", Views.peerUser(peer.id()),
        "chats", List.of(), "users", backend.views.users(viewer, List.of(peer.id())));
  }
}
