package dev.jgram.mtproto.srp;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code account.password} carries for a password check: {@code current_algo},
 * {@code srp_B} and {@code srp_id}. A server makes a fresh set for every
 * {@code account.getPassword}; {@link SrpChallenge#parameters()} builds it.
 *
 * @param algorithm current_algo
 * @param srpB g_b, big-endian
 * @param srpId the id the answer must repeat
 */
public record SrpParameters(SrpAlgorithm algorithm, byte[] srpB, long srpId) {

  /** Copies srpB. */
  public SrpParameters {
    Objects.requireNonNull(algorithm, "algorithm");
    srpB = Objects.requireNonNull(srpB, "srpB").clone();
  }

  /** A copy of srp_B. */
  @Override
  public byte[] srpB() {
    return srpB.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrpParameters that && algorithm.equals(that.algorithm)
        && Arrays.equals(srpB, that.srpB) && srpId == that.srpId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, Arrays.hashCode(srpB), srpId);
  }

  @Override
  public String toString() {
    return "SrpParameters[srpId=" + srpId + ", srpB=" + srpB.length + " bytes, algorithm="
        + algorithm + "]";
  }
}
