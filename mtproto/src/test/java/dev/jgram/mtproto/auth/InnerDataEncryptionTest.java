package dev.jgram.mtproto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.RsaPad;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.crypto.RsaSha1Pad;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a data centre holding the private key reads from each kind of req_DH_params. */
class InnerDataEncryptionTest {
  private static final TlCodec CODEC = TlCodec.jgram();
  private static KeyPair pair;
  private static RsaPublicKey key;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom(new byte[] {4}));
    pair = generator.generateKeyPair();
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    key = new RsaPublicKey(pub.getModulus(), pub.getPublicExponent());
  }

  @Test
  void rsaPadCarriesPqInnerDataDcForTheDc() {
    TlObject inner = innerDataOf(KeyExchangeOptions.current(-2), true);
    assertThat(inner.name()).isEqualTo("p_q_inner_data_dc");
    assertThat(inner.intValue("dc")).isEqualTo(-2);
    assertThat(new BigInteger(1, (byte[]) inner.get("p")).longValue()).isEqualTo(1513098571L);
  }

  @Test
  void sha1PaddingCarriesPqInnerDataLikePyrogram() {
    TlObject inner = innerDataOf(new KeyExchangeOptions(0, false), false);
    assertThat(inner.name()).isEqualTo("p_q_inner_data");
    assertThat(new BigInteger(1, (byte[]) inner.get("q")).longValue()).isEqualTo(1780931429L);
  }

  private static TlObject innerDataOf(KeyExchangeOptions options, boolean rsaPad) {
    var start = ClientKeyExchange.start(RandomSource.secure());
    byte[] resPq = CODEC.encode(TlObject.of("resPQ", "nonce", start.state().nonce(),
        "server_nonce", new byte[16], "pq", BigInteger.valueOf(2694724800268887959L)
            .toByteArray(), "server_public_key_fingerprints", List.of(1L, key.fingerprint())));
    var step = ClientKeyExchange.requestDhParams(start.state(), resPq,
        Map.of(key.fingerprint(), key), options, RandomSource.secure());
    TlObject request = CODEC.decode(step.request());
    assertThat(request.longValue("public_key_fingerprint")).isEqualTo(key.fingerprint());
    byte[] encrypted = (byte[]) request.get("encrypted_data");
    RSAPrivateKey privateKey = (RSAPrivateKey) pair.getPrivate();
    if (rsaPad) {
      byte[] data = RsaPad.decrypt(encrypted, privateKey);
      return (TlObject) CODEC.read(new TlReader(data), TlType.parse("P_Q_inner_data"));
    }
    byte[] decrypted = RsaSha1Pad.decrypt(encrypted, privateKey);
    TlReader reader = new TlReader(RsaSha1Pad.payload(decrypted));
    TlObject inner = (TlObject) CODEC.read(reader, TlType.parse("P_Q_inner_data"));
    RsaSha1Pad.checkHash(decrypted, reader.position());
    assertThat(inner.get("new_nonce")).isEqualTo(step.state().newNonce());
    return inner;
  }
}
