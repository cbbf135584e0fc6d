/**
 * Two-step verification: SRP-6a as Telegram uses it (core.telegram.org/api/srp), for both
 * roles and without I/O.
 *
 * <p>The KDF is {@code passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow}
 * ({@link dev.jgram.mtproto.srp.SrpAlgorithm}). H is SHA-256, {@code |} is concatenation, every
 * number that is hashed is big-endian and left-padded to 256 bytes (g too), all arithmetic is
 * mod p:
 *
 * <pre>
 * SH(data, salt) = H(salt | data | salt)
 * PH1(password)  = SH(SH(password, salt1), salt2)
 * x = PH2(password) = SH(PBKDF2-HMAC-SHA512(PH1(password), salt1, 100000, 64 bytes), salt2)
 * v = g^x            k = H(p | g)
 *
 * server: b random, B = g_b = k·v + g^b                      (account.password srp_B, srp_id)
 * client: a random, A = g_a = g^a, u = H(A | B), s = (B - k·v)^(a + u·x), K = H(s)
 *         M1 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | K)   (inputCheckPasswordSRP)
 * server: u = H(A | B), s = (A · v^u)^b, K = H(s), M1 must equal the same hash
 * </pre>
 *
 * <p>Client side: {@link dev.jgram.mtproto.srp.SrpClient#answer} turns a password and the
 * {@link dev.jgram.mtproto.srp.SrpParameters} of {@code account.password} into an
 * {@link dev.jgram.mtproto.srp.SrpAnswer}, after checking p, g and srp_B. Server side:
 * {@link dev.jgram.mtproto.srp.SrpVerifier#create} makes the verifier a server stores instead of
 * the password, {@link dev.jgram.mtproto.srp.SrpServer#challenge} starts one login attempt and
 * {@link dev.jgram.mtproto.srp.SrpChallenge#check} judges the client's answer.
 * {@link dev.jgram.mtproto.srp.PasswordHash} holds x, the result of the slow PBKDF2 step, so it
 * can be computed once and reused.
 */
package dev.jgram.mtproto.srp;
