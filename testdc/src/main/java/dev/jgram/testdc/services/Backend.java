package dev.jgram.testdc.services;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.SessionUpdatePush;
import dev.jgram.testdc.api.UpdatePush;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the handlers share: the state and its views, the clock, randomness, the cluster's DCs,
 * login codes, exports, armed faults, difference limits, and the outlets for pushed updates and
 * login events. Every use happens under {@link #lock}.
 */
final class Backend {
  final Object lock = new Object();
  final ClusterState state;
  final Views views;
  final AccessHashes hashes;
  final Clock clock;
  final RandomSource random;
  final List<DcAddress> dcs;
  final LoginCodes codes;
  final Exports exports = new Exports();
  final FaultTable faults = new FaultTable();
  private final UpdatePush push;
  private final Consumer<LoginEvent> logins;
  int differenceSlice = 100;
  int networkMigrateDc;
  int differenceTooLong = 10_000;

  Backend(ClusterState state, Clock clock, RandomSource random, List<DcAddress> dcs,
      UpdatePush push, Consumer<LoginEvent> logins) {
    this.state = state;
    this.hashes = new AccessHashes(state.secret());
    this.views = new Views(state, hashes);
    this.clock = clock;
    this.random = random;
    this.dcs = List.copyOf(dcs);
    this.codes = new LoginCodes(random);
    this.push = push;
    this.logins = logins;
  }

  /** Now, in Unix seconds. */
  int now() {
    return (int) clock.instant().getEpochSecond();
  }

  long randomLong() {
    return ByteBuffer.wrap(random.bytes(8)).getLong();
  }

  boolean hasDc(int dcId) {
    return dcs.stream().anyMatch(dc -> dc.id() == dcId);
  }

  /** Binds the key to the account, reports the login and answers {@code auth.authorization}. */
  TlObject bind(Call call, Account account, boolean imported) {
    long key = call.authKeyId();
    state.commit("auth", key, account.id(), call.dcId(), imported, now());
    logins.accept(new LoginEvent(call.dcId(), key, account.id(), account.bot()));
    return TlObject.of("auth.authorization", "user", views.user(account.id(), account));
  }

  /** Hands an {@code Updates} object to the core for the user, unless a test drops it. */
  void push(long userId, TlObject updates) {
    if (!faults.takeDrop(userId)) {
      push.push(userId, updates);
    }
  }

  /**
   * Pushes an update that the query {@code origin} caused: to the querying account's other
   * sessions only (none if the core cannot leave one out, see {@link SessionUpdatePush}); to any
   * other account in full. A null origin (a test's action) pushes to every session.
   */
  void push(long userId, TlObject updates, Call origin) {
    if (origin == null || origin.account() == null || origin.userId() != userId) {
      push(userId, updates);
    } else if (push instanceof SessionUpdatePush sessions && !faults.takeDrop(userId)) {
      sessions.pushExcept(userId, updates, origin.context().authKeyId(),
          origin.context().sessionId());
    }
  }
}
