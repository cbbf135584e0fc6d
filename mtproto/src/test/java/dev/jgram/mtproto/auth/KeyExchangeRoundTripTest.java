package dev.jgram.mtproto.auth;

import static dev.jgram.mtproto.auth.InMemoryExchange.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Hashes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client half and the server half run against each other and agree on the key. */
class KeyExchangeRoundTripTest {

  static Stream<Arguments> variants() {
    List<Arguments> all = new ArrayList<>();
    int seed = 0;
    for (boolean rsaPad : new boolean[] {true, false}) {
      for (boolean legacyReqPq : new boolean[] {false, true}) {
        for (int[] dcAndExpiry : new int[][] {{0, 0}, {2, 0}, {0, 3600}, {-10002, 86400}}) {
          all.add(Arguments.of(new KeyExchangeOptions(dcAndExpiry[0], rsaPad, legacyReqPq,
              dcAndExpiry[1]), seed++));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyInnerDataFormAndPaddingEndsWithTheSameKeyOnBothSides(KeyExchangeOptions client,
      int seed) {
    var outcome = InMemoryExchange.run(client, InMemoryExchange.serverOptions(seed),
        InMemoryExchange.seeded(1000 + seed), id -> false);
    ServerAuthKey server = outcome.server();
    assertThat(server.authKey()).isEqualTo(outcome.client().authKey()).hasSize(256);
    assertThat(server.authKeyId()).isEqualTo(AuthKeyHashes.keyId(outcome.client().authKey()));
    assertThat(server.firstSalt()).isEqualTo(outcome.client().firstSalt());
    assertThat(outcome.client().timeOffset()).isZero();
    assertThat(server.innerConstructor()).isEqualTo(client.innerConstructor());
    assertThat(server.padding()).isEqualTo(client.rsaPad() ? RsaPadding.RSA_PAD
        : RsaPadding.SHA1);
    assertThat(server.dc()).isEqualTo(client.dcId() == 0 ? OptionalInt.empty()
        : OptionalInt.of(client.dcId()));
    assertThat(server.temporary()).isEqualTo(client.expiresIn() != 0);
    assertThat(server.expiresAt()).isEqualTo(client.expiresIn() == 0 ? 0
        : InMemoryExchange.NOW.getEpochSecond() + client.expiresIn());
    assertThat(outcome.retries()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, -2, 10002, -10002})
  void everyFormOfThisDcsIdIsAccepted(int dc) {
    var outcome = InMemoryExchange.run(KeyExchangeOptions.current(dc),
        InMemoryExchange.serverOptions(dc), InMemoryExchange.seeded(dc), id -> false);
    assertThat(outcome.server().dc()).hasValue(dc);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aKeyIdAlreadyInUseGetsDhGenRetryAndTheClientsNextKeyIsTaken(int taken) {
    List<Long> seen = new ArrayList<>();
    var outcome = InMemoryExchange.run(KeyExchangeOptions.current(2),
        InMemoryExchange.serverOptions(77), InMemoryExchange.seeded(78), id -> {
          seen.add(id);
          return seen.size() <= taken;
        });
    assertThat(outcome.retries()).isEqualTo(taken);
    assertThat(seen).hasSize(taken + 1).doesNotHaveDuplicates();
    assertThat(outcome.server().authKeyId()).isEqualTo(seen.get(taken));
    assertThat(outcome.server().authKey()).isEqualTo(outcome.client().authKey());
  }

  /**
   * Seeds 90 (server) and 2120 (client) were found by searching seeds until g^(ab) mod p had
   * a first byte of 0; about one key in 256 does. A BigInteger turned into bytes without
   * left-padding gives 255 bytes here, and a different key id on each side.
   */
  @org.junit.jupiter.api.Test
  void aDhResultStartingWithZeroIsLeftPaddedTo256BytesOnBothSides() {
    var outcome = InMemoryExchange.run(KeyExchangeOptions.current(2),
        InMemoryExchange.serverOptions(90), InMemoryExchange.seeded(2120), id -> false);
    byte[] key = outcome.server().authKey();
    assertThat(key).hasSize(256);
    assertThat(key[0]).isZero();
    assertThat(outcome.client().authKey()).isEqualTo(key);
    byte[] sha = Hashes.sha1(key);
    long expectedId = 0;
    for (int i = 19; i >= 12; i--) {
      expectedId = (expectedId << 8) | (sha[i] & 0xFF);
    }
    assertThat(outcome.server().authKeyId()).isEqualTo(expectedId);
    byte[] unpadded = java.util.Arrays.copyOfRange(key, 1, 256);
    assertThat(Hashes.sha1(unpadded)).isNotEqualTo(sha);
    assertThat(KEY.fingerprint()).isNotZero();
  }
}
