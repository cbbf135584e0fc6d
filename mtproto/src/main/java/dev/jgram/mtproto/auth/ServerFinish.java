package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.auth.KeyExchangeRequestException.Reason;
import dev.jgram.mtproto.auth.ServerKeyExchange.DhParamsSent;
import dev.jgram.mtproto.auth.ServerKeyExchange.Failed;
import dev.jgram.mtproto.auth.ServerKeyExchange.Finished;
import dev.jgram.mtproto.auth.ServerKeyExchange.InnerData;
import dev.jgram.mtproto.auth.ServerKeyExchange.Step;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.DhChecks;
import dev.jgram.mtproto.crypto.Hashes;
import dev.jgram.mtproto.crypto.KeyExchangeKeys;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlType;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Step 3 of the server half: set_client_DH_params to dh_gen_ok, dh_gen_retry or dh_gen_fail.
 *
 * <pre>
 * encrypted_data -> AES-256-IGE decrypt (tmp key/iv) -> SHA1(inner) + client_DH_inner_data + 0..15
 * auth_key       = g_b ^ a mod dh_prime, left-padded to 256 bytes
 * retry_id wrong, or g_b outside (1, p-1) / (2^1984, p - 2^1984)  -> dh_gen_fail   (hash 3)
 * auth_key_id already in use                                        -> dh_gen_retry  (hash 2)
 * otherwise                                                         -> dh_gen_ok     (hash 1)
 * </pre>
 *
 * <p>Requests whose nonces differ, or whose encrypted data fails its length or SHA-1 check,
 * are refused with {@link KeyExchangeRequestException}: without a readable g_b the server
 * cannot compute the key a dh_gen_fail's hash would be checked against.
 */
final class ServerFinish {
  private static final TlType CLIENT_INNER = TlType.parse("Client_DH_Inner_Data");

  private ServerFinish() {}

  static Step answerClientDhParams(ServerKeyExchangeOptions options, DhParamsSent state,
      byte[] request, LongPredicate keyIdTaken) {
    TlObject query = ServerSteps.expect(ServerSteps.decode(request), "set_client_DH_params");
    ServerSteps.checkNonces("set_client_DH_params", state.pq(), query);
    AesKeyIv tmp = KeyExchangeKeys.tmpAesKeyIv(state.newNonce(), state.pq().serverNonce());
    TlObject inner = decryptClientInner((byte[]) query.get("encrypted_data"), tmp);
    ServerSteps.checkNonces("client_DH_inner_data", state.pq(), inner);
    BigInteger gb = new BigInteger(1, (byte[]) inner.get("g_b"));
    byte[] authKey = Numbers.toBytes(gb.modPow(state.a(), options.dhPrime()), 256);
    String failure = failure(options, state, inner.longValue("retry_id"), gb);
    if (failure != null) {
      return new Step(dhGen(3, state, authKey), new Failed(failure), Optional.empty());
    }
    long keyId = AuthKeyHashes.keyId(authKey);
    if (keyIdTaken.test(keyId)) {
      long auxHash = Numbers.littleEndianLong(AuthKeyHashes.auxHashBytes(authKey), 0);
      return new Step(dhGen(2, state, authKey), state.withRetryId(auxHash), Optional.empty());
    }
    byte[] answer = dhGen(1, state, authKey);
    return new Step(answer, new Finished(request.clone(), answer),
        Optional.of(result(options, state, authKey, keyId)));
  }

  /** Why the client's values do not check out, or null if they do. */
  private static String failure(ServerKeyExchangeOptions options, DhParamsSent state,
      long retryId, BigInteger gb) {
    if (retryId != state.expectedRetryId()) {
      return String.format("client_DH_inner_data.retry_id is %016x; expected %016x", retryId,
          state.expectedRetryId());
    }
    try {
      DhChecks.checkPublicValue("g_b", gb, options.dhPrime());
      return null;
    } catch (SecurityCheckException e) {
      return e.getMessage();
    }
  }

  private static ServerAuthKey result(ServerKeyExchangeOptions options, DhParamsSent state,
      byte[] authKey, long keyId) {
    InnerData inner = state.inner();
    long expiresAt = inner.expiresIn() == 0 ? 0
        : options.clock().instant().getEpochSecond() + inner.expiresIn();
    return new ServerAuthKey(authKey, keyId,
        KeyExchangeKeys.firstSalt(state.newNonce(), state.pq().serverNonce()), expiresAt,
        inner.dc(), inner.padding(), inner.constructor());
  }

  private static byte[] dhGen(int number, DhParamsSent state, byte[] authKey) {
    return dhGenAnswer(number, state.pq().nonce(), state.pq().serverNonce(), state.newNonce(),
        authKey);
  }

  /** dh_gen_ok (1), dh_gen_retry (2) or dh_gen_fail (3) with its new_nonce_hash. */
  static byte[] dhGenAnswer(int number, byte[] nonce, byte[] serverNonce, byte[] newNonce,
      byte[] authKey) {
    String name = switch (number) {
      case 1 -> "dh_gen_ok";
      case 2 -> "dh_gen_retry";
      case 3 -> "dh_gen_fail";
      default -> throw new IllegalArgumentException("dh_gen number " + number
          + "; expected 1, 2 or 3");
    };
    return ServerSteps.CODEC.encode(TlObject.of(name, "nonce", nonce, "server_nonce",
        serverNonce, "new_nonce_hash" + number,
        AuthKeyHashes.newNonceHash(authKey, newNonce, number)));
  }

  /** client_DH_inner_data out of set_client_DH_params.encrypted_data, SHA-1 checked. */
  static TlObject decryptClientInner(byte[] encrypted, AesKeyIv tmp) {
    if (encrypted.length % 16 != 0 || encrypted.length < 48) {
      throw new KeyExchangeRequestException(Reason.UNDECRYPTABLE, "set_client_DH_params"
          + ".encrypted_data is " + encrypted.length + " bytes; expected a multiple of 16");
    }
    byte[] plain = AesIge.decrypt(encrypted, tmp.key(), tmp.iv());
    TlReader reader = new TlReader(plain, 20, plain.length - 20);
    TlObject inner;
    try {
      inner = ServerSteps.expect((TlObject) ServerSteps.CODEC.read(reader, CLIENT_INNER),
          "client_DH_inner_data");
    } catch (TlException | ClassCastException e) {
      throw new KeyExchangeRequestException(Reason.UNDECRYPTABLE, "set_client_DH_params"
          + ".encrypted_data does not decrypt to client_DH_inner_data: " + e.getMessage());
    }
    int end = reader.position();
    if (plain.length - end > 15 || !MessageDigest.isEqual(Arrays.copyOf(plain, 20),
        Hashes.sha1(Arrays.copyOfRange(plain, 20, end)))) {
      throw new KeyExchangeRequestException(Reason.UNDECRYPTABLE, "set_client_DH_params"
          + ".encrypted_data: SHA-1 of client_DH_inner_data mismatch or more than 15 padding"
          + " bytes");
    }
    return inner;
  }
}
