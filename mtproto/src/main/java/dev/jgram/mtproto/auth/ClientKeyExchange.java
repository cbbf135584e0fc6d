package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.crypto.Hashes;
import dev.jgram.mtproto.crypto.KeyExchangeKeys;
import dev.jgram.mtproto.crypto.PqFactorizer;
import dev.jgram.mtproto.crypto.RsaPad;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.crypto.RsaSha1Pad;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.mtproto.tl.TlType;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The client side of the MTProto key exchange as five pure step functions. Each takes the
 * previous step's state, the server's answer (a TL body, without the plain-message envelope)
 * and, where needed, the random source and the time; each returns the next request and state.
 * No I/O happens here, so a recorded transcript can drive every step.
 *
 * <pre>
 * start                -&gt; req_pq_multi (or req_pq)
 * requestDhParams      resPQ -&gt; req_DH_params            (factor pq, RSA-encrypt inner data)
 * setClientDhParams    server_DH_params_ok -&gt; set_client_DH_params  (DH checks, g_b, key)
 * retry                dh_gen_retry -&gt; set_client_DH_params (new b, retry_id)
 * finish               dh_gen_ok -&gt; auth key, time offset, first salt
 * </pre>
 *
 * <p>Randomness is drawn in this order: nonce (16); new_nonce (32), then the RSA padding's
 * bytes; b (256), then the 0..15 padding bytes of client_DH_inner_data (again on retry).
 * The key is always 256 bytes: a DH result with leading zero bytes is left-padded.
 */
public final class ClientKeyExchange {
  private static final TlCodec CODEC = new TlCodec(TlSchema.jgram());
  private static final int DH_GEN_RETRY = 0x46dc1fb9;

  private ClientKeyExchange() {}

  /** A request and the state the next step needs. */
  public record Step<S>(byte[] request, S state) {}

  /** State after {@link #start}. */
  public record Started(byte[] nonce) {}

  /** State after {@link #requestDhParams}. */
  public record DhRequested(byte[] nonce, byte[] serverNonce, byte[] newNonce) {}

  /**
   * State after {@link #setClientDhParams} or {@link #retry}: the new key until the server
   * confirms it, and the server's DH values in case it asks for another b.
   */
  public record DhSent(byte[] nonce, byte[] serverNonce, byte[] newNonce, byte[] authKey,
      int timeOffset, DhGroup group) {
    @Override
    public String toString() {
      return "DhSent[timeOffset=" + timeOffset + "]";
    }
  }

  /** The server's DH values: dh_prime, g and g_a. */
  public record DhGroup(BigInteger dhPrime, int g, BigInteger ga) {}

  /** Step 1: req_pq_multi with a fresh nonce. */
  public static Step<Started> start(RandomSource random) {
    return start(KeyExchangeOptions.current(0), random);
  }

  /** Step 1: req_pq_multi, or req_pq if {@code options} ask for the legacy one. */
  public static Step<Started> start(KeyExchangeOptions options, RandomSource random) {
    byte[] nonce = random.bytes(16);
    String name = options.legacyReqPq() ? "req_pq" : "req_pq_multi";
    return new Step<>(CODEC.encode(TlObject.of(name, "nonce", nonce)), new Started(nonce));
  }

  /**
   * Step 2: checks resPQ, factors pq, picks the first server key we know and sends
   * req_DH_params.
   *
   * @param keys our RSA keys by fingerprint
   * @throws SecurityCheckException on a nonce mismatch or when no fingerprint is known
   */
  public static Step<DhRequested> requestDhParams(Started state, byte[] resPq,
      Map<Long, RsaPublicKey> keys, KeyExchangeOptions options, RandomSource random) {
    TlObject answer = expect(CODEC.decode(resPq), "resPQ");
    checkNonce("resPQ", state.nonce(), (byte[]) answer.get("nonce"));
    byte[] serverNonce = (byte[]) answer.get("server_nonce");
    List<Long> fingerprints = answer.list("server_public_key_fingerprints");
    Long fingerprint = fingerprints.stream().filter(keys::containsKey).findFirst()
        .orElseThrow(() -> new SecurityCheckException("unknown fingerprint: none of the server's"
            + " RSA keys " + hexList(fingerprints) + " is known"));
    byte[] pqBytes = (byte[]) answer.get("pq");
    PqFactorizer.Factors factors = factor(pqBytes);
    byte[] p = Numbers.minimal(factors.p());
    byte[] q = Numbers.minimal(factors.q());
    byte[] newNonce = random.bytes(32);
    byte[] encrypted = encryptInnerData(options, keys.get(fingerprint), random,
        TlObject.of("p_q_inner_data", "pq", pqBytes, "p", p, "q", q, "nonce", state.nonce(),
            "server_nonce", serverNonce, "new_nonce", newNonce));
    byte[] request = CODEC.encode(TlObject.of("req_DH_params", "nonce", state.nonce(),
        "server_nonce", serverNonce, "p", p, "q", q, "public_key_fingerprint", fingerprint,
        "encrypted_data", encrypted));
    return new Step<>(request, new DhRequested(state.nonce(), serverNonce, newNonce));
  }

  /**
   * p and q of resPQ's pq, smaller first.
   *
   * @throws SecurityCheckException if pq is not a product of two distinct primes
   */
  private static PqFactorizer.Factors factor(byte[] pqBytes) {
    BigInteger pq = new BigInteger(1, pqBytes);
    if (pq.bitLength() > 63) {
      throw new SecurityCheckException("resPQ.pq has " + pq.bitLength()
          + " bits; expected a product of two primes below 2^63");
    }
    try {
      PqFactorizer.Factors factors = PqFactorizer.factorize(pq.longValue());
      if (factors.p() != factors.q() && BigInteger.valueOf(factors.p()).isProbablePrime(64)
          && BigInteger.valueOf(factors.q()).isProbablePrime(64)) {
        return factors;
      }
    } catch (IllegalArgumentException e) {
      // a prime or tiny pq: reported below like any other non-product
    }
    throw new SecurityCheckException("resPQ.pq " + pq
        + " is not a product of two distinct primes");
  }

  /** Adds dc and expires_in as the options ask (p_q_inner_data*), then RSA-encrypts. */
  private static byte[] encryptInnerData(KeyExchangeOptions options, RsaPublicKey key,
      RandomSource random, TlObject plain) {
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(plain.fields());
    if (options.dcId() != 0) {
      fields.put("dc", options.dcId());
    }
    if (options.expiresIn() != 0) {
      fields.put("expires_in", options.expiresIn());
    }
    byte[] data = CODEC.encode(new TlObject(options.innerConstructor(), fields));
    return options.rsaPad() ? RsaPad.encrypt(data, key, random)
        : RsaSha1Pad.encrypt(data, key, random);
  }

  /**
   * Step 3: decrypts server_DH_inner_data, runs every DH check, computes g_b and the key.
   *
   * @param now the client's clock, for the time offset
   * @throws SecurityCheckException if a hash, nonce, prime, generator or g_a check fails
   * @throws KeyExchangeException on server_DH_params_fail
   */
  public static Step<DhSent> setClientDhParams(DhRequested state, byte[] serverDhParams,
      RandomSource random, Instant now) {
    TlObject answer = CODEC.decode(serverDhParams);
    checkNonce(answer.name(), state.nonce(), (byte[]) answer.get("nonce"));
    checkServerNonce(answer.name(), state.serverNonce(), (byte[]) answer.get("server_nonce"));
    if (answer.name().equals("server_DH_params_fail")) {
      byte[] expected = Arrays.copyOfRange(Hashes.sha1(state.newNonce()), 4, 20);
      checkHash("server_DH_params_fail.new_nonce_hash", expected,
          (byte[]) answer.get("new_nonce_hash"));
      throw new KeyExchangeException("server_DH_params_fail: the server refused the DH params");
    }
    expect(answer, "server_DH_params_ok");
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(state.newNonce(), state.serverNonce());
    TlObject inner = decryptInner((byte[]) answer.get("encrypted_answer"), tmp);
    checkNonce("server_DH_inner_data", state.nonce(), (byte[]) inner.get("nonce"));
    checkServerNonce("server_DH_inner_data", state.serverNonce(),
        (byte[]) inner.get("server_nonce"));
    DhGroup group = new DhGroup(new BigInteger(1, (byte[]) inner.get("dh_prime")),
        inner.intValue("g"), new BigInteger(1, (byte[]) inner.get("g_a")));
    DhChecks.checkPrimeAndGenerator(group.dhPrime(), group.g());
    DhChecks.checkPublicValue("g_a", group.ga(), group.dhPrime());
    int offset = (int) (inner.intValue("server_time") - now.getEpochSecond());
    return clientDh(state.nonce(), state.serverNonce(), state.newNonce(), group, 0L, offset,
        random);
  }

  /**
   * After dh_gen_retry (the server already holds a key with this key's id): checks the answer
   * and sends set_client_DH_params again with a new b and retry_id = auth_key_aux_hash of the
   * refused key. Use {@link #isRetry} to tell the answer apart before calling {@link #finish}.
   *
   * @throws SecurityCheckException if the answer is not a dh_gen_retry for this key
   */
  public static Step<DhSent> retry(DhSent state, byte[] dhGenRetry, RandomSource random) {
    TlObject answer = expect(CODEC.decode(dhGenRetry), "dh_gen_retry");
    checkNonce(answer.name(), state.nonce(), (byte[]) answer.get("nonce"));
    checkServerNonce(answer.name(), state.serverNonce(), (byte[]) answer.get("server_nonce"));
    checkHash("dh_gen_retry.new_nonce_hash2",
        AuthKeyHashes.newNonceHash(state.authKey(), state.newNonce(), 2),
        (byte[]) answer.get("new_nonce_hash2"));
    long retryId = Numbers.littleEndianLong(AuthKeyHashes.auxHashBytes(state.authKey()), 0);
    return clientDh(state.nonce(), state.serverNonce(), state.newNonce(), state.group(), retryId,
        state.timeOffset(), random);
  }

  /** Whether a set_client_DH_params answer is dh_gen_retry (its constructor id). */
  public static boolean isRetry(byte[] answer) {
    return answer.length >= 4 && Numbers.constructorId(answer) == DH_GEN_RETRY;
  }

  /** Draws b; g_b, the key g_a^b and set_client_DH_params carrying g_b and retryId. */
  private static Step<DhSent> clientDh(byte[] nonce, byte[] serverNonce, byte[] newNonce,
      DhGroup group, long retryId, int offset, RandomSource random) {
    BigInteger b = new BigInteger(1, random.bytes(256));
    BigInteger gb = BigInteger.valueOf(group.g()).modPow(b, group.dhPrime());
    DhChecks.checkPublicValue("g_b", gb, group.dhPrime());
    byte[] authKey = Numbers.toBytes(group.ga().modPow(b, group.dhPrime()), 256);
    byte[] data = CODEC.encode(TlObject.of("client_DH_inner_data", "nonce", nonce,
        "server_nonce", serverNonce, "retry_id", retryId, "g_b", Numbers.toBytes(gb, 0)));
    int unpadded = 20 + data.length;
    byte[] withHash = Hashes.sha1Prefixed(data,
        random.bytes(Math.floorMod(-unpadded, 16)));
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(newNonce, serverNonce);
    byte[] request = CODEC.encode(TlObject.of("set_client_DH_params", "nonce", nonce,
        "server_nonce", serverNonce, "encrypted_data",
        AesIge.encrypt(withHash, tmp.key(), tmp.iv())));
    return new Step<>(request, new DhSent(nonce, serverNonce, newNonce, authKey, offset, group));
  }

  /**
   * Step 4: checks dh_gen_ok and returns the key.
   *
   * @throws SecurityCheckException if a nonce or new_nonce_hash does not match
   * @throws KeyExchangeException on dh_gen_retry or dh_gen_fail
   */
  public static AuthKeyResult finish(DhSent state, byte[] setClientDhParamsAnswer) {
    TlObject answer = CODEC.decode(setClientDhParamsAnswer);
    checkNonce(answer.name(), state.nonce(), (byte[]) answer.get("nonce"));
    checkServerNonce(answer.name(), state.serverNonce(), (byte[]) answer.get("server_nonce"));
    int number = switch (answer.name()) {
      case "dh_gen_ok" -> 1;
      case "dh_gen_retry" -> 2;
      case "dh_gen_fail" -> 3;
      default -> throw new SecurityCheckException("expected dh_gen_ok, dh_gen_retry or "
          + "dh_gen_fail; got " + answer.name());
    };
    checkHash(answer.name() + ".new_nonce_hash" + number,
        AuthKeyHashes.newNonceHash(state.authKey(), state.newNonce(), number),
        (byte[]) answer.get("new_nonce_hash" + number));
    if (number != 1) {
      throw new KeyExchangeException(answer.name() + ": the server did not accept the key");
    }
    return new AuthKeyResult(state.authKey(), state.timeOffset(),
        KeyExchangeKeys.firstSalt(state.newNonce(), state.serverNonce()));
  }

  private static TlObject decryptInner(byte[] encrypted, AesKeyIv tmp) {
    if (encrypted.length % 16 != 0 || encrypted.length < 32) {
      throw new SecurityCheckException("encrypted_answer is " + encrypted.length
          + " bytes; expected a multiple of 16");
    }
    byte[] plain = AesIge.decrypt(encrypted, tmp.key(), tmp.iv());
    TlReader reader = new TlReader(plain, 20, plain.length - 20);
    TlObject inner = expect((TlObject) CODEC.read(reader, TlType.parse("Server_DH_inner_data")),
        "server_DH_inner_data");
    int length = reader.position() - 20;
    if (plain.length - 20 - length > 15) {
      throw new SecurityCheckException("server_DH_inner_data is followed by "
          + (plain.length - 20 - length) + " padding bytes; expected at most 15");
    }
    checkHash("server_DH_inner_data SHA-1", Hashes.sha1(Arrays.copyOfRange(plain, 20, 20 + length)),
        Arrays.copyOf(plain, 20));
    return inner;
  }

  private static TlObject expect(TlObject object, String name) {
    if (!object.name().equals(name)) {
      throw new SecurityCheckException("expected " + name + "; got " + object.name());
    }
    return object;
  }

  private static void checkNonce(String where, byte[] expected, byte[] got) {
    if (!MessageDigest.isEqual(expected, got)) {
      throw new SecurityCheckException(where + ": nonce differs from the one sent");
    }
  }

  private static void checkServerNonce(String where, byte[] expected, byte[] got) {
    if (!MessageDigest.isEqual(expected, got)) {
      throw new SecurityCheckException(where + ": server_nonce differs from resPQ's");
    }
  }

  private static void checkHash(String what, byte[] expected, byte[] got) {
    if (!MessageDigest.isEqual(expected, got)) {
      throw new SecurityCheckException(what + " mismatch");
    }
  }

  private static String hexList(List<Long> fingerprints) {
    return fingerprints.stream().map(f -> String.format("%016x", f)).toList().toString();
  }
}
