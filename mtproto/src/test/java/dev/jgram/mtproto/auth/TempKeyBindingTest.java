package dev.jgram.mtproto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** auth.bindTempAuthKey built by the client half and checked by the server half. */
class TempKeyBindingTest {
  private static final TlCodec CODEC = TlCodec.jgram();
  private static final long MSG_ID = 0x65C53D5000000004L;
  private static final long SESSION = 0x3132333435363738L;
  private static final int EXPIRES_AT = 1707428705;
  private static byte[] perm;
  private static byte[] temp;
  private static LongFunction<byte[]> store;

  @BeforeAll
  static void exchangeAPermanentAndATemporaryKey() {
    perm = InMemoryExchange.run(KeyExchangeOptions.current(2),
        InMemoryExchange.serverOptions(1), InMemoryExchange.seeded(2), id -> false)
        .server().authKey();
    var tempOutcome = InMemoryExchange.run(KeyExchangeOptions.temporary(2, 3600),
        InMemoryExchange.serverOptions(3), InMemoryExchange.seeded(4), id -> false);
    temp = tempOutcome.client().authKey();
    assertThat(tempOutcome.server().expiresAt()).isEqualTo(EXPIRES_AT);
    long permId = AuthKeyHashes.keyId(perm);
    store = id -> id == permId ? perm : null;
  }

  @Test
  void theServerAcceptsTheClientsBindingAndSaysWhatItBinds() {
    TlObject request = TempKeyBinding.request(perm, temp, SESSION, MSG_ID, EXPIRES_AT,
        InMemoryExchange.seeded(5));
    TlObject decoded = CODEC.decode(CODEC.encode(request));
    var bound = TempKeyBinding.check(decoded, MSG_ID, AuthKeyHashes.keyId(temp), SESSION, store);
    assertThat(bound).isEqualTo(new TempKeyBinding.Bound(AuthKeyHashes.keyId(perm),
        AuthKeyHashes.keyId(temp), EXPIRES_AT));
    assertThat(CODEC.encode(request)).startsWith(0x05, 0x2a, 0xd4, 0xcd);
  }

  @Test
  void aBindingSentInAnotherMessageSessionOrKeyIsRefused() {
    TlObject request = TempKeyBinding.request(perm, temp, SESSION, MSG_ID, EXPIRES_AT,
        RandomSource.secure());
    long tempId = AuthKeyHashes.keyId(temp);
    assertRefused(() -> TempKeyBinding.check(request, MSG_ID + 4, tempId, SESSION, store),
        "binding message: msg_id is not the msg_id of the message that carried it");
    assertRefused(() -> TempKeyBinding.check(request, MSG_ID, tempId, SESSION + 1, store),
        "binding message: temp_session_id is not the session the request came in");
    assertRefused(() -> TempKeyBinding.check(request, MSG_ID, tempId + 1, SESSION, store),
        "binding message: temp_auth_key_id is not the id of the key the request came on");
  }

  @Test
  void outerFieldsThatDisagreeWithTheEncryptedOnesAreRefused() {
    TlObject request = TempKeyBinding.request(perm, temp, SESSION, MSG_ID, EXPIRES_AT,
        RandomSource.secure());
    long tempId = AuthKeyHashes.keyId(temp);
    assertRefused(() -> TempKeyBinding.check(with(request, "nonce",
        request.longValue("nonce") + 1), MSG_ID, tempId, SESSION, store),
        "binding message: nonce is not the request's nonce");
    assertRefused(() -> TempKeyBinding.check(with(request, "expires_at", EXPIRES_AT + 60),
        MSG_ID, tempId, SESSION, store),
        "binding message: expires_at is not the request's expires_at");
    assertRefused(() -> TempKeyBinding.check(with(request, "perm_auth_key_id", 7L), MSG_ID,
        tempId, SESSION, store), "perm_auth_key_id 0000000000000007 names no stored key");
  }

  @Test
  void aMessageEncryptedWithAnotherKeyOrTamperedWithIsRefused() {
    TlObject request = TempKeyBinding.request(temp, temp, SESSION, MSG_ID, EXPIRES_AT,
        RandomSource.secure());
    long tempId = AuthKeyHashes.keyId(temp);
    assertRefused(() -> TempKeyBinding.check(with(request, "perm_auth_key_id",
        AuthKeyHashes.keyId(perm)), MSG_ID, tempId, SESSION, store),
        "encrypted_message: auth_key_id of the MTProto 1.0 message does not match the key");
    TlObject good = TempKeyBinding.request(perm, temp, SESSION, MSG_ID, EXPIRES_AT,
        RandomSource.secure());
    byte[] encrypted = (byte[]) good.get("encrypted_message");
    encrypted[40] ^= 1;
    assertThatThrownBy(() -> TempKeyBinding.check(with(good, "encrypted_message", encrypted),
        MSG_ID, tempId, SESSION, store))
        .isInstanceOf(TempKeyBindingException.class)
        .hasMessageStartingWith("encrypted_message: MTProto 1.0");
  }

  @Test
  void seededBindingsAllCheckOut() {
    Random random = new Random(9);
    for (int i = 0; i < 50; i++) {
      long session = random.nextLong();
      long msgId = random.nextLong() & ~3L;
      TlObject request = TempKeyBinding.request(perm, temp, session, msgId, EXPIRES_AT,
          random::nextBytes);
      assertThat(TempKeyBinding.check(request, msgId, AuthKeyHashes.keyId(temp), session,
          store).expiresAt()).isEqualTo(EXPIRES_AT);
    }
  }

  private static TlObject with(TlObject request, String field, Object value) {
    Map<String, Object> fields = new LinkedHashMap<>(request.fields());
    fields.put(field, value);
    return new TlObject(request.name(), fields);
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      String message) {
    assertThatThrownBy(call).isInstanceOf(TempKeyBindingException.class).hasMessage(message);
  }
}
