package dev.jgram.testdc.services;

import dev.jgram.mtproto.srp.SrpVerifier;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Adds accounts and channels for tests and the command line. Adding an account that already
 * exists (the same bot id, the same phone) updates it, so a cluster restarted on its state
 * directory with the same command line keeps its accounts and their authorisations.
 */
final class Admin {
  private final Backend backend;
  private final Passwords passwords;

  Admin(Backend backend, Passwords passwords) {
    this.backend = backend;
    this.passwords = passwords;
  }

  long addBot(BotSpec spec) {
    int dc = homeDc(spec.homeDc());
    var existing = backend.state.account(spec.botId());
    if (existing.isPresent() && !existing.get().bot()) {
      throw new AccountSpecException("id " + spec.botId() + " already belongs to a user");
    }
    requireFreeUsername(spec.effectiveUsername(), spec.botId());
    backend.state.commit(StateLines.account(new Account(spec.botId(), true, null,
        spec.firstName(), null, spec.effectiveUsername(), dc, spec.secret(), null)));
    return spec.botId();
  }

  long addUser(UserSpec spec) {
    int dc = homeDc(spec.homeDc());
    long id = backend.state.accountByPhone(spec.phone()).map(Account::id)
        .orElseGet(backend.state::newUserId);
    if (spec.username() != null) {
      requireFreeUsername(spec.username(), id);
    }
    SrpVerifier verifier = spec.password() == null ? null
        : passwords.verifier(spec.password());
    backend.state.commit(StateLines.account(new Account(id, false, spec.phone(),
        spec.effectiveFirstName(), spec.lastName(), spec.username(), dc, null, verifier)));
    return id;
  }

  long addChannel(String title, String username, boolean broadcast, long creatorId,
      Collection<Long> members) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a channel needs a title");
    }
    if (username != null) {
      if (!Usernames.valid(username)) {
        throw new IllegalArgumentException("channel username '" + username + "' is invalid");
      }
      requireFreeUsername(username, -1);
    }
    requireAccount(creatorId);
    members.forEach(this::requireAccount);
    long id = backend.state.newChannelId();
    backend.state.commit("channel", id, title, username, broadcast, creatorId, backend.now());
    backend.state.commit("member", id, creatorId);
    members.stream().filter(m -> m != creatorId)
        .forEach(m -> backend.state.commit("member", id, m));
    return id;
  }

  void moveAccount(long userId, int homeDc) {
    Account account = requireAccount(userId);
    backend.state.commit(StateLines.account(account.withHomeDc(homeDc(homeDc))));
  }

  Account requireAccount(long userId) {
    return backend.state.account(userId).orElseThrow(() ->
        new IllegalArgumentException("no account has user id " + userId));
  }

  /** The DC, or the cluster's first for 0; it must be one of the cluster's. */
  int homeDc(int dc) {
    int home = dc == 0 ? backend.dcs.get(0).id() : dc;
    if (!backend.hasDc(home)) {
      throw new AccountSpecException("DC " + dc + " is not in the cluster; its DCs are "
          + backend.dcs.stream().map(d -> String.valueOf(d.id()))
              .collect(Collectors.joining(", ")));
    }
    return home;
  }

  private void requireFreeUsername(String username, long ownerId) {
    backend.state.peerByUsername(username).ifPresent(peer -> {
      if (peer.channel() || !Objects.equals(peer.id(), ownerId)) {
        throw new AccountSpecException("username '" + username + "' is already taken");
      }
    });
  }
}
