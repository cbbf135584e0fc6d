package dev.jgram;

import dev.jgram.mtproto.api.DcOption;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.AuthKeyUnknownException;
import dev.jgram.net.DcAddress;
import dev.jgram.net.DcConnection;
import dev.jgram.net.DcTable;
import dev.jgram.net.NetException;
import dev.jgram.net.NetOptions;
import dev.jgram.net.RpcException;
import dev.jgram.net.ServerKeys;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A client's connection to its home DC and what it does with storage: the key is written the
 * moment a key exchange makes it, a {@code 303 *_MIGRATE_X} moves the home to DC X (a new key
 * there, the DC table refreshed from {@code help.getConfig} when X is not in it), and a dead
 * key is marked in storage and reported as {@link LoginRequiredException}.
 */
final class ClientNetwork implements AutoCloseable {
  private static final int MAX_MIGRATIONS = 3;
  private static final Set<String> DEAD_KEY = Set.of("SESSION_REVOKED", "SESSION_EXPIRED",
      "AUTH_KEY_INVALID", "USER_DEACTIVATED", "USER_DEACTIVATED_BAN", "AUTH_KEY_DUPLICATED");

  private final String name;
  private final Storage storage;
  private final NetSettings settings;
  private final DcAddress sessionAddress;
  private final Consumer<Object> results;
  private final Consumer<byte[]> pushes;
  private final Runnable sessionCreated;
  private final AtomicInteger keyExchanges = new AtomicInteger();
  private DcTable table;
  private NetOptions options;
  private DcConnection home;
  /** Set once, then read without the lock (a migration holds it while it waits for an RPC). */
  private volatile TlCodec codec;
  private OtherDcs others;

  ClientNetwork(String name, Storage storage, NetSettings settings, DcAddress sessionAddress,
      Consumer<Object> results, Consumer<byte[]> pushes, Runnable sessionCreated) {
    this.name = name;
    this.storage = storage;
    this.settings = settings;
    this.sessionAddress = sessionAddress;
    this.results = results;
    this.pushes = pushes;
    this.sessionCreated = sessionCreated;
  }

  /** Key exchanges this client completed. */
  int keyExchanges() {
    return keyExchanges.get();
  }

  /** Whether this client has a connection (it went online in this run and is not closed). */
  synchronized boolean isOnline() {
    return home != null;
  }

  /**
   * Calls {@code method} on the home DC, following home-moving migrations.
   *
   * @throws LoginRequiredException if the key is dead (marked so in storage first)
   * @throws NetException for any other failure, typed
   */
  Object invoke(TlObject method) {
    for (int moves = 0; ; moves++) {
      DcConnection c = home();
      try {
        Object result = c.invoke(method).get();
        results.accept(result);
        return result;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RpcException r && r.movesHomeDc() && moves < MAX_MIGRATIONS) {
          migrate(c, r.migrateDc().getAsInt());
          continue;
        }
        if (cause instanceof RpcException r && r.migrateDc().isPresent()) {
          return invokeOn(r.migrateDc().getAsInt(), method); // FILE_ or STATS_MIGRATE
        }
        throw translate(cause, c);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NetException(name + ": interrupted while waiting for " + method.name(), e);
      }
    }
  }

  /**
   * Calls {@code method} on DC {@code dcId}: the home DC as {@link #invoke}, another one
   * through {@link OtherDcs} (its stored key and authorisation, or new ones).
   */
  Object invokeOn(int dcId, TlObject method) {
    Integer homeDc = storage.session().dcId();
    if (homeDc == null || homeDc == dcId) {
      return invoke(method);
    }
    Object result = others().invoke(dcId, method);
    results.accept(result);
    return result;
  }

  /** Authorisations exported from the home DC in this run. */
  synchronized int exports() {
    return others == null ? 0 : others.exports();
  }

  /** {@code auth.logOut} on the home DC, then on other DCs with an authorisation. */
  void logOut() {
    invoke(TlObject.of("auth.logOut"));
    others().logOutEverywhere();
  }

  private synchronized OtherDcs others() {
    if (others == null) {
      others = new OtherDcs(name, storage, (dc, key, listener) -> DcConnection.create(
          options(storage.session()), table().address(dc), key, listener), this::invoke,
          keyExchanges);
    }
    return others;
  }

  /** Closes the home connection and those to other DCs. */
  @Override
  public synchronized void close() {
    if (others != null) {
      others.close();
    }
    if (home != null) {
      home.close();
      home = null;
    }
  }

  private synchronized DcConnection home() {
    if (home == null) {
      Session session = storage.session();
      if (storage.keyRevocation().isPresent()) {
        throw new LoginRequiredException(name + ": the session's auth key was marked dead ("
            + storage.keyRevocation().get() + "); the session must log in again", null);
      }
      int dc = session.dcId() == null ? 2 : session.dcId();
      byte[] key = session.authKey() == null ? null : session.authKey().bytes();
      home = DcConnection.create(options(session), table().address(dc), key, new Events());
    }
    return home;
  }

  private synchronized void migrate(DcConnection from, int dc) {
    if (table().find(dc).isEmpty()) {
      refreshTable(from);
    }
    if (home == from) {
      Session left = storage.session();
      if (left.authKey() != null && left.dcId() != null && left.dcId() != dc) {
        // Not the home after all (DC 2 before PHONE_MIGRATE_4): kept, with no authorisation.
        storage.dcKey(new DcKey(left.dcId(), left.authKey(), false));
      }
      home.close();
      System.getLogger(ClientNetwork.class.getName()).log(System.Logger.Level.INFO,
          () -> name + ": migrated to DC " + dc + " (the account's home)");
      home = DcConnection.create(options(storage.session()), table().address(dc), null,
          new Events());
    }
  }

  private void refreshTable(DcConnection c) {
    try {
      Object config = c.invoke(TlObject.of("help.getConfig")).get();
      List<DcOption> dcs = ((TlObject) config).<TlObject>list("dc_options").stream()
          .map(DcOption::from).toList();
      DcTable fresh = table().refreshed(dcs);
      for (DcAddress given : settings.dcs()) {
        fresh = fresh.with(given);
      }
      table = fresh;
    } catch (ExecutionException e) {
      throw translate(e.getCause(), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetException(name + ": interrupted while reading help.getConfig", e);
    }
  }

  private RuntimeException translate(Throwable cause, DcConnection c) {
    if (cause instanceof AuthKeyUnknownException) {
      return dead(cause.getMessage(), cause);
    }
    if (cause instanceof RpcException r && (DEAD_KEY.contains(r.errorMessage())
        || r.code() == 401 && r.errorMessage().equals("AUTH_KEY_UNREGISTERED")
            && storage.session().userId() != null)) {
      return dead(c.address() + " answered " + r.code() + " " + r.errorMessage(), cause);
    }
    return cause instanceof RuntimeException re ? re
        : new NetException(name + ": " + cause.getMessage(), cause);
  }

  private LoginRequiredException dead(String reason, Throwable cause) {
    synchronized (this) {
      if (storage.keyRevocation().isEmpty()) {
        storage.revokeKey(reason);
      }
      close();
    }
    return new LoginRequiredException(name + ": " + reason
        + "; the auth key was marked dead and the session must log in again", cause);
  }

  private DcTable table() {
    if (table == null) {
      // DCs given with dc(...) mean other servers: Telegram's addresses are not mixed in, and
      // a DC they do not list is looked up in that server's help.getConfig.
      DcTable t = settings.dcs().isEmpty() ? DcTable.builtIn(testMode(storage.session()))
          : DcTable.of(List.of());
      if (sessionAddress != null) {
        t = t.with(sessionAddress);
      }
      for (DcAddress given : settings.dcs()) {
        t = t.with(given);
      }
      table = t;
    }
    return table;
  }

  private NetOptions options(Session session) {
    if (options == null) {
      if (session.apiId() == null) {
        throw new IllegalStateException(name + ": api_id is required to connect: give it with"
            + " apiId(...) (the session does not hold one)");
      }
      ServerKeys keys = ServerKeys.telegram();
      for (String pem : settings.serverKeysPem()) {
        keys = keys.withPem(pem);
      }
      NetOptions o = NetOptions.defaults(session.apiId().intValue()).withKeys(keys)
          .withTestMode(testMode(session));
      if (settings.transport() != null) {
        o = o.withTransport(settings.transport());
      }
      options = settings.tweak() == null ? o : settings.tweak().apply(o);
    }
    return options;
  }

  /**
   * Decodes a pushed {@code Updates} object with the connection's layer.
   *
   * @throws RuntimeException if the bytes are not one
   */
  TlObject decode(byte[] updates) {
    TlCodec known = codec;
    return (known != null ? known : codec()).decode(updates);
  }

  private synchronized TlCodec codec() {
    if (codec == null) {
      codec = TlCodec.forLayer(options.layer());
    }
    return codec;
  }

  private boolean testMode(Session session) {
    return settings.testMode() != null ? settings.testMode()
        : Boolean.TRUE.equals(session.testMode());
  }

  /**
   * Writes a new key the moment it exists; feeds pushed updates (still encoded) to the update
   * sink and tells it
   * when the server started a new session (updates of the old one may be lost).
   */
  private final class Events implements DcConnection.Listener {
    @Override
    public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
      keyExchanges.incrementAndGet();
      Session s = storage.session();
      storage.session(s.withDcId(connection.address().id()).withAuthKey(AuthKey.of(key.authKey()))
          .withTestMode(testMode(s)).withApiId(s.apiId()).withUserId(null).withIsBot(null));
      HomeKeys.newHomeKey(storage, connection.address().id());
    }

    @Override
    public void sessionCreated(DcConnection connection) {
      sessionCreated.run();
    }

    /** Hands the bytes on: the update loop decodes them on its own thread, not this one. */
    @Override
    public void updates(DcConnection connection, byte[] updates) {
      pushes.accept(updates);
    }
  }
}
