package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

/** The client half against the server half in one thread, as gotd's flow_test does over a pipe. */
final class InMemoryExchange {
  static final RsaPrivateKey KEY = RsaPrivateKey.fromPem(
      Vectors.load("openssl-rsa-key.txt").raw("pkcs1.pem"));
  static final Instant NOW = Instant.ofEpochSecond(1707425105);

  private InMemoryExchange() {}

  /** What both halves ended with, how many dh_gen_retry rounds it took, the server's state. */
  record Outcome(AuthKeyResult client, ServerAuthKey server, int retries,
      ServerKeyExchange.State serverState) {}

  /** Server options for DC 2 with the test key, a seeded random and a fixed clock. */
  static ServerKeyExchangeOptions serverOptions(long seed) {
    return ServerKeyExchangeOptions.of(2, List.of(KEY)).withRandom(seeded(seed))
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static RandomSource seeded(long seed) {
    return new Random(seed)::nextBytes;
  }

  static Outcome run(KeyExchangeOptions client, ServerKeyExchangeOptions server,
      RandomSource clientRandom, LongPredicate keyIdTaken) {
    return run(client, server, clientRandom, keyIdTaken, ServerKeyExchange.initial());
  }

  /** A run on a connection whose server state is {@code serverState}. */
  static Outcome run(KeyExchangeOptions client, ServerKeyExchangeOptions server,
      RandomSource clientRandom, LongPredicate keyIdTaken,
      ServerKeyExchange.State serverState) {
    var c1 = ClientKeyExchange.start(client, clientRandom);
    var s1 = ServerKeyExchange.answer(server, serverState, c1.request(), keyIdTaken);
    var c2 = ClientKeyExchange.requestDhParams(c1.state(), s1.answer(),
        Map.of(KEY.fingerprint(), KEY.publicKey()), client, clientRandom);
    var s2 = ServerKeyExchange.answer(server, s1.state(), c2.request(), keyIdTaken);
    var c3 = ClientKeyExchange.setClientDhParams(c2.state(), s2.answer(), clientRandom, NOW);
    var s3 = ServerKeyExchange.answer(server, s2.state(), c3.request(), keyIdTaken);
    int retries = 0;
    while (ClientKeyExchange.isRetry(s3.answer())) {
      retries++;
      c3 = ClientKeyExchange.retry(c3.state(), s3.answer(), clientRandom);
      s3 = ServerKeyExchange.answer(server, s3.state(), c3.request(), keyIdTaken);
    }
    AuthKeyResult result = ClientKeyExchange.finish(c3.state(), s3.answer());
    return new Outcome(result, s3.key().orElseThrow(), retries, s3.state());
  }
}
