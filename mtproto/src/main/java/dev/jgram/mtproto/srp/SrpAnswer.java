package dev.jgram.mtproto.srp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fields of {@code inputCheckPasswordSRP#d27ff082 srp_id:long A:bytes M1:bytes}, the
 * client's answer to one set of {@link SrpParameters}.
 *
 * @param srpId the srp_id of the parameters answered
 * @param a A = g_a, 256 bytes big-endian
 * @param m1 M1, 32 bytes
 */
public record SrpAnswer(long srpId, byte[] a, byte[] m1) {

  /** Copies the arrays. */
  public SrpAnswer {
    a = Objects.requireNonNull(a, "a").clone();
    m1 = Objects.requireNonNull(m1, "m1").clone();
  }

  /** A copy of A. */
  @Override
  public byte[] a() {
    return a.clone();
  }

  /** A copy of M1. */
  @Override
  public byte[] m1() {
    return m1.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrpAnswer that && srpId == that.srpId && Arrays.equals(a, that.a)
        && Arrays.equals(m1, that.m1);
  }

  @Override
  public int hashCode() {
    return Objects.hash(srpId, Arrays.hashCode(a), Arrays.hashCode(m1));
  }

  /** The id and the sizes only: M1 lets an eavesdropper test password guesses offline. */
  @Override
  public String toString() {
    return "SrpAnswer[srpId=" + srpId + ", A=" + a.length + " bytes, M1=" + m1.length
        + " bytes]";
  }
}
