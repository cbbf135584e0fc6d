package dev.jgram.testdc.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the services keep: the access-hash secret, accounts, authorisations, message boxes
 * and channels. Every mutation is one journal line ({@link Journal}): {@link #commit} writes it
 * and then applies it, and opening a state directory applies the same lines again, so there is
 * one code path for both. Guarded by the services' lock, except {@link #liveUser}.
 */
final class ClusterState {
  private static final HexFormat HEX = HexFormat.of();

  private final Map<Long, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Long> phones = new HashMap<>();
  private final Map<String, Peer> usernames = new HashMap<>();
  private final Map<Long, Authorization> authorizations = new LinkedHashMap<>();
  private final Set<Long> revoked = new HashSet<>();
  /**
   * The user each live (bound, not revoked) key is logged in as: a copy of what {@link
   * #authorizations} and {@link #revoked} say, kept by {@link #apply} and readable without the
   * services' lock, so routing a push does not wait for a call that holds it.
   */
  private final Map<Long, Long> liveUsers = new ConcurrentHashMap<>();
  private final Map<Long, Box> boxes = new HashMap<>();
  private final Map<Long, Channel> channels = new LinkedHashMap<>();
  private Journal journal = Journal.inMemory();
  private byte[] secret;
  private long maxUserId = 5_000_000_000L;
  private long maxChannelId = 1_500_000_000L;

  void journal(Journal journal) {
    this.journal = journal;
  }

  /** Writes the mutation to the journal, then applies it. */
  void commit(Object... fields) {
    commit(StateLines.lineOf(fields));
  }

  /** Writes the line to the journal, then applies it. */
  void commit(List<String> line) {
    journal.append(line);
    apply(line);
  }

  /** Applies one journal line. */
  void apply(List<String> f) {
    switch (f.get(0)) {
      case "secret" -> secret = HEX.parseHex(f.get(1));
      case "account" -> putAccount(StateLines.account(f));
      case "auth" -> {
        long key = Long.parseLong(f.get(1));
        authorizations.put(key, new Authorization(Long.parseLong(f.get(2)),
            Integer.parseInt(f.get(3)), "1".equals(f.get(4)), Integer.parseInt(f.get(5))));
        revoked.remove(key);
        liveUsers.put(key, Long.parseLong(f.get(2)));
      }
      case "unbind" -> {
        authorizations.remove(Long.parseLong(f.get(1)));
        liveUsers.remove(Long.parseLong(f.get(1)));
      }
      case "revoke" -> {
        revoked.add(Long.parseLong(f.get(1)));
        liveUsers.remove(Long.parseLong(f.get(1)));
      }
      case "msg" -> box(Long.parseLong(f.get(1))).add(StateLines.boxMessage(f));
      case "seq" -> box(Long.parseLong(f.get(1)))
          .seq(Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)));
      case "channel" -> putChannel(StateLines.channel(f));
      case "member" -> channels.get(Long.parseLong(f.get(1))).addMember(Long.parseLong(f.get(2)));
      case "cmsg" -> channels.get(Long.parseLong(f.get(1))).add(StateLines.channelMessage(f));
      default -> throw new IllegalArgumentException("unknown record kind '" + f.get(0) + "'");
    }
  }

  /** The lines that rebuild the current state. */
  List<List<String>> snapshot() {
    return StateLines.snapshot(secret, accounts.values(), authorizations, revoked, boxes,
        channels.values());
  }

  byte[] secret() {
    return secret;
  }

  private void putAccount(Account account) {
    Account old = accounts.put(account.id(), account);
    maxUserId = Math.max(maxUserId, account.id());
    if (old != null) {
      phones.remove(old.phone());
      usernames.remove(key(old.username()));
    }
    if (account.phone() != null) {
      phones.put(account.phone(), account.id());
    }
    if (account.username() != null) {
      usernames.put(key(account.username()), new Peer(false, account.id()));
    }
  }

  private void putChannel(Channel channel) {
    channels.put(channel.id(), channel);
    maxChannelId = Math.max(maxChannelId, channel.id());
    if (channel.username() != null) {
      usernames.put(key(channel.username()), new Peer(true, channel.id()));
    }
  }

  private static String key(String username) {
    return username == null ? null : username.toLowerCase(Locale.ROOT);
  }

  Optional<Account> account(long id) {
    return Optional.ofNullable(accounts.get(id));
  }

  Optional<Account> accountByPhone(String digits) {
    Long id = phones.get(digits);
    return id == null ? Optional.empty() : account(id);
  }

  Optional<Peer> peerByUsername(String username) {
    return Optional.ofNullable(usernames.get(key(username)));
  }

  Iterable<Account> accounts() {
    return accounts.values();
  }

  Optional<Authorization> authorization(long authKeyId) {
    return Optional.ofNullable(authorizations.get(authKeyId));
  }

  /** The user a bound, unrevoked key is logged in as; safe without the services' lock. */
  Optional<Long> liveUser(long authKeyId) {
    return Optional.ofNullable(liveUsers.get(authKeyId));
  }

  boolean revoked(long authKeyId) {
    return revoked.contains(authKeyId);
  }

  /** The keys bound to the user. */
  List<Long> keysOf(long userId) {
    List<Long> keys = new ArrayList<>();
    authorizations.forEach((key, auth) -> {
      if (auth.userId() == userId) {
        keys.add(key);
      }
    });
    return keys;
  }

  Box box(long userId) {
    return boxes.computeIfAbsent(userId, id -> new Box());
  }

  Optional<Channel> channel(long id) {
    return Optional.ofNullable(channels.get(id));
  }

  Iterable<Channel> channels() {
    return channels.values();
  }

  /** A user id no account has: above every id in use, from 5,000,000,001. */
  long newUserId() {
    return maxUserId + 1;
  }

  /** A channel id no channel has: above every id in use, from 1,500,000,001. */
  long newChannelId() {
    return maxChannelId + 1;
  }
}
