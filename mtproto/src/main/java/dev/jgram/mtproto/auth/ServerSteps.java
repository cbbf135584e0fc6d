package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.auth.KeyExchangeRequestException.Reason;
import dev.jgram.mtproto.auth.ServerKeyExchange.DhParamsSent;
import dev.jgram.mtproto.auth.ServerKeyExchange.InnerData;
import dev.jgram.mtproto.auth.ServerKeyExchange.PqSent;
import dev.jgram.mtproto.auth.ServerKeyExchange.Step;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.crypto.Hashes;
import dev.jgram.mtproto.crypto.KeyExchangeKeys;
import dev.jgram.mtproto.crypto.PqFactorizer;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlSchema;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalInt;

/** Steps 1 and 2 of the server half: resPQ and server_DH_params_ok; step 3 is ServerFinish. */
final class ServerSteps {
  static final TlCodec CODEC = new TlCodec(TlSchema.jgram());

  private ServerSteps() {}

  /** resPQ: a fresh server_nonce, the pq to factor and every key's fingerprint. */
  static Step answerPq(ServerKeyExchangeOptions options, byte[] request) {
    TlObject query = decode(request);
    byte[] nonce = (byte[]) query.get("nonce");
    RandomSource random = options.random();
    byte[] serverNonce = random.bytes(16);
    PqFactorizer.Factors factors = options.fixedPq() != 0 ? factorsOf(options.fixedPq())
        : randomFactors(random);
    byte[] answer = CODEC.encode(TlObject.of("resPQ", "nonce", nonce, "server_nonce",
        serverNonce, "pq", Numbers.minimal(factors.p() * factors.q()),
        "server_public_key_fingerprints",
        options.keys().stream().map(RsaPrivateKey::fingerprint).toList()));
    PqSent state = new PqSent(request.clone(), answer, nonce, serverNonce, factors.p(),
        factors.q());
    return new Step(answer, state, Optional.empty());
  }

  /**
   * The two prime factors of {@code pq}.
   *
   * @throws IllegalArgumentException if pq is not a product of two primes
   */
  static PqFactorizer.Factors factorsOf(long pq) {
    PqFactorizer.Factors factors = PqFactorizer.factorize(pq);
    if (!BigInteger.valueOf(factors.p()).isProbablePrime(64)
        || !BigInteger.valueOf(factors.q()).isProbablePrime(64) || factors.p() == factors.q()) {
      throw new IllegalArgumentException("pq " + pq + " is not a product of two distinct primes");
    }
    return factors;
  }

  /** Two distinct primes in [2^30, 2^31 + a prime gap), so pq fits in 63 bits. */
  private static PqFactorizer.Factors randomFactors(RandomSource random) {
    long p = randomPrime(random);
    long q = randomPrime(random);
    while (q == p) {
      q = randomPrime(random);
    }
    return new PqFactorizer.Factors(Math.min(p, q), Math.max(p, q));
  }

  private static long randomPrime(RandomSource random) {
    byte[] seed = random.bytes(4);
    long start = (Numbers.littleEndianLong(new byte[] {seed[0], seed[1], seed[2], seed[3], 0, 0,
        0, 0}, 0) & 0x3FFFFFFFL) | 0x40000000L;
    return BigInteger.valueOf(start).nextProbablePrime().longValueExact();
  }

  /** server_DH_params_ok after checking req_DH_params and its encrypted inner data. */
  static Step answerDhParams(ServerKeyExchangeOptions options, PqSent state, byte[] request) {
    TlObject query = expect(decode(request), "req_DH_params");
    checkNonces("req_DH_params", state, query);
    checkFactors(state, query);
    long fingerprint = query.longValue("public_key_fingerprint");
    RsaPrivateKey key = options.key(fingerprint);
    if (key == null) {
      throw new KeyExchangeRequestException(Reason.UNKNOWN_FINGERPRINT, String.format(
          "req_DH_params names RSA key %016x; this DC has %s", fingerprint, options.keys()));
    }
    InnerDataDecoder.Decoded decoded = InnerDataDecoder.decode(CODEC,
        (byte[]) query.get("encrypted_data"), key);
    InnerData inner = checkInner(options, state, query, decoded);
    byte[] newNonce = (byte[]) decoded.inner().get("new_nonce");
    RandomSource random = options.random();
    DhSecret secret = dhSecret(options);
    BigInteger a = secret.a();
    BigInteger ga = secret.ga();
    byte[] serverInner = CODEC.encode(TlObject.of("server_DH_inner_data", "nonce",
        state.nonce(), "server_nonce", state.serverNonce(), "g", options.g(),
        "dh_prime", Numbers.toBytes(options.dhPrime(), 256), "g_a", Numbers.toBytes(ga, 256),
        "server_time", (int) options.clock().instant().getEpochSecond()));
    byte[] padding = random.bytes(Math.floorMod(-(20 + serverInner.length), 16));
    byte[] answer = dhParamsOk(state.nonce(), state.serverNonce(), newNonce, serverInner,
        padding);
    return new Step(answer, new DhParamsSent(request.clone(), answer, state, newNonce, a, inner,
        0L), Optional.empty());
  }

  /** The server's secret exponent a and g^a. */
  private record DhSecret(BigInteger a, BigInteger ga) {}

  /** A 2048-bit secret a whose g^a lies in the safe range; drawn again (rarely) until it does. */
  private static DhSecret dhSecret(ServerKeyExchangeOptions options) {
    while (true) {
      BigInteger a = new BigInteger(1, options.random().bytes(256));
      BigInteger ga = BigInteger.valueOf(options.g()).modPow(a, options.dhPrime());
      if (inSafeRange(ga, options.dhPrime())) {
        return new DhSecret(a, ga);
      }
    }
  }

  /** server_DH_params_ok: SHA1(inner) + inner + padding, AES-256-IGE with the tmp key/iv. */
  static byte[] dhParamsOk(byte[] nonce, byte[] serverNonce, byte[] newNonce, byte[] serverInner,
      byte[] padding) {
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(newNonce, serverNonce);
    byte[] withHash = Hashes.sha1Prefixed(serverInner, padding);
    return CODEC.encode(TlObject.of("server_DH_params_ok", "nonce", nonce, "server_nonce",
        serverNonce, "encrypted_answer", AesIge.encrypt(withHash, tmp.key(), tmp.iv())));
  }

  private static InnerData checkInner(ServerKeyExchangeOptions options, PqSent state,
      TlObject query, InnerDataDecoder.Decoded decoded) {
    TlObject inner = decoded.inner();
    for (String field : new String[] {"pq", "p", "q", "nonce", "server_nonce"}) {
      byte[] expected = field.equals("pq") ? Numbers.minimal(state.p() * state.q())
          : (byte[]) query.get(field);
      if (!sameNumberOrBytes(field, expected, (byte[]) inner.get(field))) {
        throw new KeyExchangeRequestException(Reason.INNER_DATA_MISMATCH, inner.name() + "."
            + field + " differs from the request's");
      }
    }
    OptionalInt dc = inner.has("dc") ? OptionalInt.of(inner.intValue("dc")) : OptionalInt.empty();
    if (dc.isPresent() && !options.dcRule().accepts(options.dcId(), dc.getAsInt())) {
      throw new KeyExchangeRequestException(Reason.WRONG_DC, inner.name() + ".dc is "
          + dc.getAsInt() + "; this is DC " + options.dcId() + " (" + options.dcRule()
          + " accepts " + acceptedForms(options) + ")");
    }
    int expiresIn = inner.has("expires_in") ? inner.intValue("expires_in") : 0;
    if (inner.has("expires_in") && expiresIn <= 0) {
      throw new KeyExchangeRequestException(Reason.INNER_DATA_MISMATCH, inner.name()
          + ".expires_in is " + expiresIn + "; expected a positive number of seconds");
    }
    return new InnerData(inner.name(), decoded.padding(), dc, expiresIn);
  }

  private static String acceptedForms(ServerKeyExchangeOptions options) {
    int id = options.dcId();
    return switch (options.dcRule()) {
      case ANY -> "±" + id + " and ±" + (id + 10000);
      case PRODUCTION -> "±" + id;
      case TEST -> "±" + (id + 10000);
    };
  }

  /** pq, p and q compare as numbers (a client may send a leading zero byte); nonces as bytes. */
  private static boolean sameNumberOrBytes(String field, byte[] expected, byte[] got) {
    if (field.contains("nonce")) {
      return MessageDigest.isEqual(expected, got);
    }
    return new BigInteger(1, expected).equals(new BigInteger(1, got));
  }

  static void checkNonces(String where, PqSent state, TlObject query) {
    if (!MessageDigest.isEqual(state.nonce(), (byte[]) query.get("nonce"))) {
      throw new KeyExchangeRequestException(Reason.NONCE_MISMATCH, where
          + ".nonce differs from the run's req_pq nonce");
    }
    if (!MessageDigest.isEqual(state.serverNonce(), (byte[]) query.get("server_nonce"))) {
      throw new KeyExchangeRequestException(Reason.NONCE_MISMATCH, where
          + ".server_nonce differs from the one resPQ sent");
    }
  }

  private static void checkFactors(PqSent state, TlObject query) {
    BigInteger p = new BigInteger(1, (byte[]) query.get("p"));
    BigInteger q = new BigInteger(1, (byte[]) query.get("q"));
    if (!p.equals(BigInteger.valueOf(state.p())) || !q.equals(BigInteger.valueOf(state.q()))) {
      throw new KeyExchangeRequestException(Reason.WRONG_FACTORS, "req_DH_params has p = " + p
          + ", q = " + q + "; expected the factors of pq " + state.p() * state.q()
          + " with p < q");
    }
  }

  static boolean inSafeRange(BigInteger value, BigInteger dhPrime) {
    try {
      DhChecks.checkPublicValue("g_a", value, dhPrime);
      return true;
    } catch (SecurityCheckException e) {
      return false;
    }
  }

  static TlObject decode(byte[] request) {
    try {
      return CODEC.decode(request);
    } catch (TlException e) {
      throw new KeyExchangeRequestException(Reason.MALFORMED, "key-exchange request is not"
          + " valid TL: " + e.getMessage());
    }
  }

  static TlObject expect(TlObject object, String name) {
    if (!object.name().equals(name)) {
      throw new KeyExchangeRequestException(Reason.UNEXPECTED_MESSAGE, "expected " + name
          + "; got " + object.name());
    }
    return object;
  }
}
