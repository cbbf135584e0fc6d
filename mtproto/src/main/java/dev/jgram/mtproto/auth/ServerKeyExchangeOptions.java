package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import java.math.BigInteger;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the server half of the key exchange needs: this DC's RSA keys and id, the DH group,
 * the pq to hand out, and the injected randomness and clock. Checked when built; derive
 * variants with the {@code with...} methods.
 *
 * @param keys this DC's RSA private keys; resPQ lists their fingerprints in this order
 * @param dcId this DC's id, 1 or more
 * @param dcRule which forms of the dc field name this DC
 * @param dhPrime the 2048-bit safe prime sent as dh_prime
 * @param g the generator, 2 to 7, valid for dhPrime
 * @param fixedPq a fixed pq to send every time (tests; gotd uses 0x17ED48941A08F981), or 0
 *     for a fresh product of two random 31-bit primes per run
 * @param random server_nonce, pq primes, the secret a, and the answer's padding
 * @param clock server_time and the expiry of temporary keys
 */
public record ServerKeyExchangeOptions(List<RsaPrivateKey> keys, int dcId, DcRule dcRule,
    BigInteger dhPrime, int g, long fixedPq, RandomSource random, Clock clock) {

  /** Which values of p_q_inner_data's dc field name this DC (id = {@link #dcId()}). */
  public enum DcRule {
    /** id, −id (media), id + 10000 (test servers) and −(id + 10000): what a local cluster takes. */
    ANY,
    /** Production only: id and −id; id + 10000 is refused with −444. */
    PRODUCTION,
    /** Test servers only: id + 10000 and −(id + 10000); a bare id is refused with −444. */
    TEST;

    boolean accepts(int dcId, int sent) {
      int magnitude = Math.abs(sent);
      return switch (this) {
        case ANY -> magnitude == dcId || magnitude == dcId + 10000;
        case PRODUCTION -> magnitude == dcId;
        case TEST -> magnitude == dcId + 10000;
      };
    }
  }

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException naming the value that is wrong
   */
  public ServerKeyExchangeOptions {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no RSA key: a DC needs at least one");
    }
    Set<Long> fingerprints = new HashSet<>();
    for (RsaPrivateKey key : keys) {
      if (!fingerprints.add(key.fingerprint())) {
        throw new IllegalArgumentException("two RSA keys share the fingerprint "
            + key.fingerprintHex());
      }
      if (key.publicKey().modulus().bitLength() != 2048) {
        throw new IllegalArgumentException("RSA key " + key.fingerprintHex() + " has "
            + key.publicKey().modulus().bitLength() + " bits; RSA_PAD needs 2048");
      }
    }
    if (dcId < 1) {
      throw new IllegalArgumentException("dcId is " + dcId + "; expected 1 or more");
    }
    Objects.requireNonNull(dcRule, "dcRule");
    try {
      DhChecks.checkPrimeAndGenerator(dhPrime, g);
    } catch (SecurityCheckException e) {
      throw new IllegalArgumentException("DH group refused: " + e.getMessage(), e);
    }
    if (fixedPq != 0) {
      ServerSteps.factorsOf(fixedPq);
    }
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Options for DC {@code dcId} with {@code keys}: any dc form, Telegram's prime with g = 3, a
   * random pq per run, {@link RandomSource#secure()} and the UTC system clock.
   */
  public static ServerKeyExchangeOptions of(int dcId, List<RsaPrivateKey> keys) {
    return new ServerKeyExchangeOptions(keys, dcId, DcRule.ANY, DhChecks.TELEGRAM_PRIME, 3, 0,
        RandomSource.secure(), Clock.systemUTC());
  }

  /** The same options with another random source. */
  public ServerKeyExchangeOptions withRandom(RandomSource random) {
    return new ServerKeyExchangeOptions(keys, dcId, dcRule, dhPrime, g, fixedPq, random, clock);
  }

  /** The same options with another clock. */
  public ServerKeyExchangeOptions withClock(Clock clock) {
    return new ServerKeyExchangeOptions(keys, dcId, dcRule, dhPrime, g, fixedPq, random, clock);
  }

  /**
   * The same options sending {@code pq} every time (0: random again).
   *
   * @throws IllegalArgumentException if pq is not a product of two primes
   */
  public ServerKeyExchangeOptions withFixedPq(long pq) {
    return new ServerKeyExchangeOptions(keys, dcId, dcRule, dhPrime, g, pq, random, clock);
  }

  /** The same options with another DH group; a prime other than Telegram's is fully checked. */
  public ServerKeyExchangeOptions withDhGroup(BigInteger dhPrime, int g) {
    return new ServerKeyExchangeOptions(keys, dcId, dcRule, dhPrime, g, fixedPq, random, clock);
  }

  /** The same options with another dc rule. */
  public ServerKeyExchangeOptions withDcRule(DcRule dcRule) {
    return new ServerKeyExchangeOptions(keys, dcId, dcRule, dhPrime, g, fixedPq, random, clock);
  }

  /** The key with {@code fingerprint}, or null. */
  RsaPrivateKey key(long fingerprint) {
    for (RsaPrivateKey key : keys) {
      if (key.fingerprint() == fingerprint) {
        return key;
      }
    }
    return null;
  }

  /** Never prints the keys' private parts (RsaPrivateKey shows fingerprints only). */
  @Override
  public String toString() {
    return "ServerKeyExchangeOptions[keys=" + keys + ", dcId=" + dcId + ", dcRule=" + dcRule
        + ", g=" + g + ", fixedPq=" + fixedPq + "]";
  }
}
