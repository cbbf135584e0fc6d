package dev.jgram.testdc;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.server.ClusterCore;
import dev.jgram.testdc.server.Faults;
import dev.jgram.testdc.server.LayerCodecs;
import dev.jgram.testdc.server.SessionSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A local Telegram test cluster: DCs on one host that speak MTProto strictly, for tests of
 * clients. Start one with {@link #builder()}; close it to stop every DC.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.builder().dcs(1, 2, 3).services(MyServices::new).start()) {
 *   DcAddress dc2 = cluster.dc(2);
 *   // point a client at dc2.host():dc2.port() with cluster.publicKeyPem()
 *   assertThat(cluster.keyExchanges(2)).isEqualTo(1);
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {
  private final ClusterCore core;
  private final ApiService services;
  private final LayerCodecs codecs;
  private final RsaPrivateKey rsaKey;

  private TestCluster(ClusterCore core, ApiService services, LayerCodecs codecs,
      RsaPrivateKey rsaKey) {
    this.core = core;
    this.services = services;
    this.codecs = codecs;
    this.rsaKey = rsaKey;
  }

  /** A builder with the defaults: DCs 1 to 5 on 127.0.0.1, free ports, nothing on disk. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where each DC listens, in the order the ids were given. */
  public List<DcAddress> dcs() {
    return core.addresses();
  }

  /**
   * Where DC {@code id} listens.
   *
   * @throws IllegalArgumentException if the cluster has no such DC
   */
  public DcAddress dc(int id) {
    return dcs().stream().filter(dc -> dc.id() == id).findFirst().orElseThrow(() ->
        new IllegalArgumentException("DC " + id + " is not in this cluster; it has "
            + dcs().stream().map(DcAddress::id).toList()));
  }

  /** The cluster's RSA public key as PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}). */
  public String publicKeyPem() {
    return rsaKey.publicKeyPem();
  }

  /** The cluster's RSA public key, as a client's key table holds it. */
  public RsaPublicKey publicKey() {
    return rsaKey.publicKey();
  }

  /**
   * The key's fingerprint as resPQ carries it: the last 8 bytes of SHA-1 of the key as a
   * little-endian int64 (GramJS and Pyrogram key their tables by this as a signed decimal).
   */
  public long fingerprint() {
    return rsaKey.fingerprint();
  }

  /** The layers the cluster answers in, ascending. */
  public List<Integer> layers() {
    return codecs.layers();
  }

  /** The API services the cluster was built with (cast to their type to add accounts). */
  public ApiService services() {
    return services;
  }

  /** Completed key exchanges on DC {@code dcId} since the start. */
  public int keyExchanges(int dcId) {
    return core.keyExchanges(dcId);
  }

  /** Auth keys DC {@code dcId} holds (including those loaded from the state directory). */
  public int keysHeld(int dcId) {
    return core.keysHeld(dcId);
  }

  /** API calls answered since the start, on every DC. */
  public long rpcs() {
    return core.rpcs();
  }

  /** Connections open now that have sent their first bytes, on every DC. */
  public int openConnections() {
    return core.openConnections();
  }

  /** Every event so far, oldest first. */
  public List<ClusterEvent> events() {
    return core.events().events();
  }

  /**
   * Waits for an event matching {@code test}.
   *
   * @throws AssertionError naming the timeout if none came
   */
  public ClusterEvent awaitEvent(Predicate<ClusterEvent> test, Duration timeout)
      throws InterruptedException {
    ClusterEvent event = core.events().await(test, timeout.toMillis());
    if (event == null) {
      throw new AssertionError("no matching cluster event within " + timeout + "; events: "
          + events());
    }
    return event;
  }

  /** The fault knobs; faults apply from the next frame on. */
  public Faults faults() {
    return core.faults();
  }

  /**
   * Forgets an auth key of DC {@code dcId} (also on disk): every later message with it gets
   * transport error -404, as for a key revoked by the server.
   *
   * @return whether the DC held the key
   */
  public boolean forgetKey(int dcId, long authKeyId) {
    return core.forgetKey(dcId, authKeyId);
  }

  /** The cluster's clock, as skewed by {@link Faults#skewClock}. */
  public Clock clock() {
    return core.clock();
  }

  /** Stops every DC, closes every connection and file. Idempotent. */
  @Override
  public void close() {
    core.close();
  }

  /** How a cluster is set up; {@link #start()} binds, listens and returns it. */
  public static final class Builder {
    private List<Integer> dcIds = List.of(1, 2, 3, 4, 5);
    private String host = "127.0.0.1";
    private int firstPort;
    private Path stateDir;
    private Path eventsFile;
    private Clock clock = Clock.systemUTC();
    private RandomSource random = RandomSource.secure();
    private LayerCodecs codecs = LayerCodecs.shipped();
    private int ioThreads = 2;
    private ServicesFactory services;
    private RsaPrivateKey rsaKey;
    private ServerKeyExchangeOptions.DcRule dcRule = ServerKeyExchangeOptions.DcRule.ANY;
    private SessionSettings sessions = SessionSettings.telegram();
    private int eventsKept = 100_000;

    private Builder() {}

    /** The DC ids, each at least 1 and distinct (default 1 to 5). */
    public Builder dcs(int... ids) {
      List<Integer> list = new ArrayList<>();
      for (int id : ids) {
        list.add(id);
      }
      return dcs(list);
    }

    /** The DC ids, each at least 1 and distinct (default 1 to 5). */
    public Builder dcs(List<Integer> ids) {
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("dcs is empty; a cluster needs at least one DC");
      }
      for (int id : ids) {
        if (id < 1) {
          throw new IllegalArgumentException("DC id " + id + " is invalid; expected 1 or more");
        }
      }
      if (ids.stream().distinct().count() != ids.size()) {
        throw new IllegalArgumentException("dcs " + ids + " repeat an id");
      }
      this.dcIds = List.copyOf(ids);
      return this;
    }

    /** The address to listen on and hand to clients (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** DC n listens on {@code port + n - 1}; 0 (the default) picks free ports. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      this.firstPort = port;
      return this;
    }

    /** Keeps auth keys (and the services' state) here across restarts (default: none). */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** Appends every event to this file as one JSON line (default: none). */
    public Builder events(Path file) {
      this.eventsFile = file;
      return this;
    }

    /** The clock (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The randomness (default: a SecureRandom). */
    public Builder random(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The schemas of the layers to answer in (default: those jgram ships), and the layer for
     * connections that announce none.
     */
    public Builder schemas(List<TlSchema> schemas, int defaultLayer) {
      this.codecs = LayerCodecs.of(schemas, defaultLayer);
      return this;
    }

    /**
     * The cluster's RSA-2048 key (default: the state directory's {@code rsa-key.pem}, made
     * there on the first start; without a state directory a new key each start; a made key's
     * fingerprint never starts with hex digit 0, since mtcute 0.30 cannot find such a key).
     */
    public Builder rsaKey(RsaPrivateKey key) {
      this.rsaKey = Objects.requireNonNull(key, "rsaKey");
      return this;
    }

    /**
     * The cluster's RSA-2048 key as PEM (PKCS#1 {@code RSA PRIVATE KEY} or PKCS#8
     * {@code PRIVATE KEY}).
     *
     * @throws IllegalArgumentException if the text holds no readable RSA private key
     */
    public Builder rsaKeyPem(String pem) {
      return rsaKey(RsaPrivateKey.fromPem(pem));
    }

    /**
     * Which values of the key exchange's dc field name a DC (default: the id, -id, id + 10000
     * and -(id + 10000)); any other value gets transport error -444.
     */
    public Builder dcRule(ServerKeyExchangeOptions.DcRule rule) {
      this.dcRule = Objects.requireNonNull(rule, "dcRule");
      return this;
    }

    /** Salt windows and session limits (default: Telegram's 30-minute salts). */
    public Builder sessions(SessionSettings settings) {
      this.sessions = Objects.requireNonNull(settings, "sessions");
      return this;
    }

    /** How many events {@link TestCluster#events()} keeps, the oldest dropped first (100000). */
    public Builder eventsKept(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("eventsKept is " + count + "; expected 1 or more");
      }
      this.eventsKept = count;
      return this;
    }

    /** How many selector threads serve all connections (default 2). */
    public Builder ioThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("ioThreads is " + threads + "; expected 1 or more");
      }
      this.ioThreads = threads;
      return this;
    }

    /** How the API services are made, once the DCs' addresses are known (required). */
    public Builder services(ServicesFactory factory) {
      this.services = Objects.requireNonNull(factory, "services");
      return this;
    }

    /**
     * Binds every DC, makes the services and starts serving.
     *
     * @throws IllegalStateException if no services factory was given
     * @throws java.io.UncheckedIOException if a port is in use or a file cannot be opened
     */
    public TestCluster start() {
      if (services == null) {
        throw new IllegalStateException("services is required: a cluster needs API services"
            + " to answer queries");
      }
      if (firstPort != 0 && firstPort + dcIds.stream().mapToInt(i -> i).max().orElse(1) - 1
          > 65535) {
        throw new IllegalArgumentException("port " + firstPort + " leaves no room for DC "
            + dcIds.stream().mapToInt(i -> i).max().orElse(1));
      }
      RsaPrivateKey key = rsaKey != null ? rsaKey : stateDir != null
          ? RsaKeyFile.loadOrCreate(stateDir) : RsaPrivateKey.generate(new SecureRandom(), true);
      ClusterCore core = ClusterCore.bind(new ClusterCore.Config(host, dcIds, firstPort,
          stateDir, eventsFile, codecs, clock, random, ioThreads, key, dcRule, sessions,
          eventsKept));
      try {
        ApiService api = services.create(new ServiceSetup(core.addresses(), core.clock(),
            random, stateDir, core.updatePush(), core::login));
        core.serve(api);
        return new TestCluster(core, api, codecs, key);
      } catch (RuntimeException e) {
        core.close();
        throw e;
      }
    }
  }
}
