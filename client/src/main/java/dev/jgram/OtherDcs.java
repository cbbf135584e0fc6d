package dev.jgram;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.AuthKeyUnknownException;
import dev.jgram.net.DcConnection;
import dev.jgram.net.NetException;
import dev.jgram.net.RpcException;
import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.Storage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Connections to DCs other than the home DC ({@code FILE_MIGRATE_X}, {@code STATS_MIGRATE_X},
 * or a caller's explicit DC), each with its own key and an authorisation exported from the
 * home DC ({@code auth.exportAuthorization}) and imported there
 * ({@code auth.importAuthorization}). Keys are written to storage the moment a key exchange
 * makes them ({@link DcKey}, not authorised), and marked authorised once the import succeeds,
 * so that the next start reaches the DC with neither a key exchange nor an export. A key the
 * DC forgot ({@code -404}) is dropped and made again; an authorisation it forgot
 * ({@code 401 AUTH_KEY_UNREGISTERED}) is exported again, once per call.
 */
final class OtherDcs implements AutoCloseable {
  /** Makes a connection to a DC with a stored key, or none (null). */
  interface Dial {
    DcConnection dial(int dcId, byte[] authKey, DcConnection.Listener listener);
  }

  private final String name;
  private final Storage storage;
  private final Dial dial;
  private final Function<TlObject, Object> home;
  private final AtomicInteger keyExchanges;
  private final AtomicInteger exports = new AtomicInteger();
  private final Map<Integer, DcConnection> connections = new ConcurrentHashMap<>();
  private volatile boolean closed;

  OtherDcs(String name, Storage storage, Dial dial, Function<TlObject, Object> home,
      AtomicInteger keyExchanges) {
    this.name = name;
    this.storage = storage;
    this.dial = dial;
    this.home = home;
    this.keyExchanges = keyExchanges;
  }

  /** Authorisations exported from the home DC in this run. */
  int exports() {
    return exports.get();
  }

  /** Calls {@code method} on DC {@code dcId}, authorising this client there first if needed. */
  Object invoke(int dcId, TlObject method) {
    for (int attempt = 0; ; attempt++) {
      DcConnection c = authorized(dcId);
      try {
        return c.invoke(method).get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (attempt == 0 && forgotten(dcId, c, cause)) {
          continue;
        }
        throw cause instanceof RuntimeException re ? re
            : new NetException(name + ": DC " + dcId + ": " + cause.getMessage(), cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NetException(name + ": interrupted while waiting for " + method.name()
            + " on DC " + dcId, e);
      }
    }
  }

  /**
   * Calls {@code auth.logOut} on every DC whose stored key is authorised, ignoring failures
   * (the home DC's log-out is what counts); used before the session is deleted.
   */
  void logOutEverywhere() {
    for (DcKey key : storage.dcKeys()) {
      if (key.authorized()) {
        try {
          connection(key.dcId()).invoke(TlObject.of("auth.logOut")).get();
        } catch (ExecutionException | RuntimeException ignored) {
          // The authorisation is gone with the session either way.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Closes every connection. Takes no lock (a call waiting on the home DC may hold this
   * object's), so the client's close never waits for it.
   */
  @Override
  public void close() {
    closed = true;
    connections.values().forEach(DcConnection::close);
    connections.clear();
  }

  /** The DC's connection, with an imported authorisation. */
  private synchronized DcConnection authorized(int dcId) {
    DcConnection c = connection(dcId);
    if (stored(dcId).map(DcKey::authorized).orElse(false)) {
      return c;
    }
    TlObject exported = (TlObject) home.apply(TlObject.of("auth.exportAuthorization",
        "dc_id", dcId));
    exports.incrementAndGet();
    try {
      c.invoke(TlObject.of("auth.importAuthorization", "id", exported.longValue("id"),
          "bytes", exported.get("bytes"))).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re
          : new NetException(name + ": importing the authorisation on DC " + dcId + " failed",
              e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetException(name + ": interrupted while authorising on DC " + dcId, e);
    }
    DcKey key = stored(dcId).orElseThrow(() -> new NetException(name + ": DC " + dcId
        + " accepted the authorisation but its key was not stored"));
    storage.dcKey(key.withAuthorized(true));
    return c;
  }

  private synchronized DcConnection connection(int dcId) {
    if (closed) {
      throw new IllegalStateException(name + ": the client is closed");
    }
    return connections.computeIfAbsent(dcId, dc -> dial.dial(dc,
        stored(dc).map(k -> k.authKey().bytes()).orElse(null), new Events(dc)));
  }

  /** Whether a failure means the DC forgot the key or the authorisation (then undone here). */
  private synchronized boolean forgotten(int dcId, DcConnection c, Throwable cause) {
    if (cause instanceof AuthKeyUnknownException) {
      storage.removeDcKey(dcId);
      c.close();
      connections.remove(dcId);
      return true;
    }
    if (cause instanceof RpcException r && r.code() == 401
        && r.errorMessage().equals("AUTH_KEY_UNREGISTERED")) {
      stored(dcId).ifPresent(k -> storage.dcKey(k.withAuthorized(false)));
      return true;
    }
    return false;
  }

  private Optional<DcKey> stored(int dcId) {
    return storage.dcKeys().stream().filter(k -> k.dcId() == dcId).findFirst();
  }

  /** Stores a new key of another DC at once, not yet authorised. */
  private final class Events implements DcConnection.Listener {
    private final int dcId;

    Events(int dcId) {
      this.dcId = dcId;
    }

    @Override
    public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
      keyExchanges.incrementAndGet();
      storage.dcKey(new DcKey(dcId, AuthKey.of(key.authKey()), false));
    }
  }
}
