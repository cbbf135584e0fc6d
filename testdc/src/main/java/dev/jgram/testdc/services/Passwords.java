package dev.jgram.testdc.services;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.srp.SrpAlgorithm;
import dev.jgram.mtproto.srp.SrpChallenge;
import dev.jgram.mtproto.srp.SrpServer;
import dev.jgram.mtproto.srp.SrpVerifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 2FA on the server side, over jgram's SRP ({@code dev.jgram.mtproto.srp}): verifiers for new
 * passwords, and the one open challenge of each auth key (each {@code account.getPassword}
 * replaces it; {@code auth.checkPassword} uses it up). Challenges live in memory only.
 */
final class Passwords {
  private final RandomSource random;
  private final Map<Long, Open> open = new HashMap<>();

  /**
   * A challenge handed to a key, and the verifier it was made from.
   *
   * @param challenge the challenge
   * @param verifier the account's verifier when it was made
   */
  record Open(SrpChallenge challenge, SrpVerifier verifier) {}

  Passwords(RandomSource random) {
    this.random = random;
  }

  /** The verifier a server stores for a new password, under a freshly generated algorithm. */
  SrpVerifier verifier(String password) {
    return SrpVerifier.create(password, SrpAlgorithm.generate(random), random);
  }

  /** A fresh {@code new_algo}, as {@code account.password} offers for setting a password. */
  SrpAlgorithm newAlgorithm() {
    return SrpAlgorithm.generate(random);
  }

  /** Starts a check for the key against the verifier; returns the challenge to send. */
  SrpChallenge challenge(long authKeyId, SrpVerifier verifier, long srpId) {
    SrpChallenge challenge = SrpServer.challenge(verifier, srpId, random);
    open.put(authKeyId, new Open(challenge, verifier));
    return challenge;
  }

  /** The key's open challenge, if any. */
  Optional<Open> open(long authKeyId) {
    return Optional.ofNullable(open.get(authKeyId));
  }

  void close(long authKeyId) {
    open.remove(authKeyId);
  }
}
