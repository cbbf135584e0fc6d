package dev.jgram.bench;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.ClientKeyExchange;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.auth.ServerAuthKey;
import dev.jgram.mtproto.auth.ServerKeyExchange;
import dev.jgram.mtproto.auth.ServerKeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one complete key exchange, the client half and the server half in one thread, in
 * memory: req_pq_multi to dh_gen_ok, with a fresh random pq, RSA, four 2048-bit modular
 * exponentiations and the DH checks. Secure randomness and the system clock, as in production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyExchangeBenchmark {
  /** Which RSA padding the client uses. */
  @Param({"RSA_PAD", "SHA1"})
  public String padding;

  ServerKeyExchangeOptions server;
  KeyExchangeOptions client;
  private Map<Long, RsaPublicKey> publicKeys;
  private final RandomSource random = RandomSource.secure();

  /** One DC key, generated once. */
  @Setup
  public void setUp() {
    RsaPrivateKey key = RsaPrivateKey.generate(new SecureRandom(), true);
    server = ServerKeyExchangeOptions.of(2, List.of(key));
    client = new KeyExchangeOptions(2, padding.equals("RSA_PAD"));
    publicKeys = Map.of(key.fingerprint(), key.publicKey());
  }

  /** Both halves, start to dh_gen_ok; returns the client's key and the server's. */
  @Benchmark
  public Object[] exchange() {
    var c1 = ClientKeyExchange.start(client, random);
    var s1 = ServerKeyExchange.answer(server, ServerKeyExchange.initial(), c1.request(),
        id -> false);
    var c2 = ClientKeyExchange.requestDhParams(c1.state(), s1.answer(), publicKeys, client,
        random);
    var s2 = ServerKeyExchange.answer(server, s1.state(), c2.request(), id -> false);
    var c3 = ClientKeyExchange.setClientDhParams(c2.state(), s2.answer(), random,
        Instant.now());
    var s3 = ServerKeyExchange.answer(server, s2.state(), c3.request(), id -> false);
    AuthKeyResult clientKey = ClientKeyExchange.finish(c3.state(), s3.answer());
    ServerAuthKey serverKey = s3.key().orElseThrow();
    return new Object[] {clientKey, serverKey};
  }
}
