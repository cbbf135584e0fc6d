package dev.jgram.mtproto.tl;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.Vectors;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema-driven codec against the bytes of the samples-auth_key page and a real server. */
class TlCodecTest {
  private static final Vectors SAMPLE = Vectors.load("core-samples-auth_key.txt");
  private static final Vectors GRAMMERS = Vectors.load("grammers-crypto.txt");
  private static final TlCodec CODEC = TlCodec.jgram();

  @Test
  void reqPqMultiEncodesToTheSamplePlainMessage() {
    byte[] body = CODEC.encode(TlObject.of("req_pq_multi", "nonce", SAMPLE.bytes("nonce")));
    assertThat(new PlainMessage(0x65C53D50000672D4L, body).encode())
        .isEqualTo(SAMPLE.bytes("req_pq_multi.payload"));
  }

  @Test
  void resPqOfTheSampleDecodes() {
    TlObject resPq = CODEC.decode(body("resPQ.payload"));
    assertThat(resPq.name()).isEqualTo("resPQ");
    assertThat(resPq.get("nonce")).isEqualTo(SAMPLE.bytes("nonce"));
    assertThat(resPq.get("server_nonce")).isEqualTo(SAMPLE.bytes("server_nonce"));
    assertThat(new BigInteger(1, (byte[]) resPq.get("pq")).longValueExact())
        .isEqualTo(2694724800268887959L);
    assertThat(resPq.<Long>list("server_public_key_fingerprints"))
        .containsExactly(0x0bc35f3509f7b7a5L, 0xc3b42b026ce86b21L, 0xd09d1d85de64fd85L);
  }

  @Test
  void pqInnerDataDcEncodesToTheSampleBytes() {
    TlObject inner = TlObject.of("p_q_inner_data_dc", "pq", hex("256595EDB7766797"),
        "p", hex("5A300D4B"), "q", hex("6A26DB65"), "nonce", SAMPLE.bytes("nonce"),
        "server_nonce", SAMPLE.bytes("server_nonce"), "new_nonce", SAMPLE.bytes("new_nonce"),
        "dc", 2);
    assertThat(CODEC.encode(inner)).isEqualTo(SAMPLE.bytes("p_q_inner_data_dc"));
  }

  @Test
  void reqDhParamsEncodesToTheSamplePlainMessage() {
    TlObject request = TlObject.of("req_DH_params", "nonce", SAMPLE.bytes("nonce"),
        "server_nonce", SAMPLE.bytes("server_nonce"), "p", hex("5A300D4B"), "q", hex("6A26DB65"),
        "public_key_fingerprint", 0xd09d1d85de64fd85L,
        "encrypted_data", SAMPLE.bytes("rsa_pad.encrypted_data"));
    assertThat(new PlainMessage(0x65C53D50000672D8L, CODEC.encode(request)).encode())
        .isEqualTo(SAMPLE.bytes("req_DH_params.payload"));
  }

  @Test
  void serverDhInnerDataOfTheSampleDecodes() {
    byte[] answerWithHash = SAMPLE.bytes("answer_with_hash");
    TlReader reader = new TlReader(answerWithHash, 20, answerWithHash.length - 20);
    TlObject inner = (TlObject) CODEC.read(reader, TlType.parse("Server_DH_inner_data"));
    assertThat(inner.name()).isEqualTo("server_DH_inner_data");
    assertThat(inner.intValue("g")).isEqualTo(3);
    assertThat(inner.intValue("server_time")).isEqualTo(1707425105);
    assertThat(new BigInteger(1, (byte[]) inner.get("dh_prime")))
        .isEqualTo(dev.jgram.mtproto.crypto.DhChecks.TELEGRAM_PRIME);
    assertThat(inner.get("g_a")).isEqualTo(SAMPLE.bytes("g_a"));
    // 20 hash bytes + 564 data bytes; the rest is padding
    assertThat(reader.position()).isEqualTo(20 + 564);
  }

  @Test
  void clientDhInnerDataAndSetClientDhParamsEncodeToTheSampleBytes() {
    TlObject inner = TlObject.of("client_DH_inner_data", "nonce", SAMPLE.bytes("nonce"),
        "server_nonce", SAMPLE.bytes("server_nonce"), "retry_id", 0L,
        "g_b", SAMPLE.bytes("g_b"));
    assertThat(CODEC.encode(inner)).isEqualTo(SAMPLE.bytes("client_DH_inner_data"));
    TlObject request = TlObject.of("set_client_DH_params", "nonce", SAMPLE.bytes("nonce"),
        "server_nonce", SAMPLE.bytes("server_nonce"),
        "encrypted_data", SAMPLE.bytes("client_DH_inner_data.encrypted_data"));
    assertThat(new PlainMessage(0x65C53D5100075C18L, CODEC.encode(request)).encode())
        .isEqualTo(SAMPLE.bytes("set_client_DH_params.payload"));
  }

  @Test
  void dhGenOkOfTheSampleDecodes() {
    TlObject answer = CODEC.decode(body("dh_gen_ok.payload"));
    assertThat(answer.name()).isEqualTo("dh_gen_ok");
    assertThat(answer.get("new_nonce_hash1")).isEqualTo(SAMPLE.bytes("new_nonce_hash1"));
  }

  @Test
  void samplePageServerMessagesCarryAWrongMessageLengthThatPlainMessageRefuses() {
    // the page prints message_length A8000000 (168) for a resPQ whose body is 80 bytes
    assertThatThrownBy(() -> PlainMessage.decode(SAMPLE.bytes("resPQ.payload")))
        .isInstanceOf(TlException.class)
        .hasMessage("plain message says message_data_length 168 but 80 bytes follow");
  }

  @Test
  void realServerContainerDecodesIntoNewSessionAndPong() {
    byte[] plaintext = GRAMMERS.bytes("decrypt_server_data_v2.expected");
    byte[] body = Arrays.copyOfRange(plaintext, 32, 32 + 88);
    List<MessageContainer.Message> messages = MessageContainer.decode(body);
    assertThat(messages).hasSize(2);
    TlObject first = CODEC.decode(messages.get(0).body());
    TlObject second = CODEC.decode(messages.get(1).body());
    assertThat(first.name()).isEqualTo("new_session_created");
    assertThat(second.name()).isEqualTo("pong");
    assertThat(messages.get(0).seqNo()).isEqualTo(1);
    assertThat(messages.get(1).seqNo()).isEqualTo(2);
    assertThat(MessageContainer.encode(messages)).isEqualTo(body);
  }

  @Test
  void flagsWordIsComputedFromThePresentFields() {
    TlObject request = TlObject.of("contacts.resolveUsername", "username", "durov",
        "referer", "x");
    byte[] bytes = CODEC.encode(request);
    assertThat(hex(Arrays.copyOf(bytes, 8))).isEqualTo("bcfb5a72" + "01000000");
    TlObject back = CODEC.decode(bytes);
    assertThat(back.string("username")).isEqualTo("durov");
    assertThat(back.string("referer")).isEqualTo("x");
    assertThat(hex(CODEC.encode(TlObject.of("contacts.resolveUsername", "username", "durov"))))
        .startsWith("bcfb5a72" + "00000000");
  }

  @Test
  void trueFlagsTravelOnlyAsBits() {
    TlObject user = TlObject.of("user", "bot", true, "bot_info_version", 3, "id", 42L,
        "first_name", "A");
    byte[] bytes = CODEC.encode(user);
    TlObject back = CODEC.decode(bytes);
    assertThat(back.flag("bot")).isTrue();
    assertThat(back.flag("self")).isFalse();
    assertThat(back.longValue("id")).isEqualTo(42L);
    assertThat(back.intValue("flags")).isEqualTo((1 << 14) | (1 << 1));
    assertThat(back.intValue("bot_info_version")).isEqualTo(3);
  }

  @Test
  void fieldSharingABitWithASetTrueFlagIsRequired() {
    // user: bot:flags.14?true and bot_info_version:flags.14?int share bit 14
    TlObject user = TlObject.of("user", "bot", true, "id", 42L);
    assertThatThrownBy(() -> CODEC.encode(user))
        .hasMessage("user.bot_info_version is required: flags bit 14 is set by another field");
  }

  @Test
  void invokeWithLayerWrapsANestedQuery() {
    TlObject call = TlObject.of("invokeWithLayer", "layer", 198,
        "query", TlObject.of("help.getConfig"));
    assertThat(hex(CODEC.encode(call))).isEqualTo("0d0d9bda" + "c6000000" + "6b18f9c4");
  }

  @Test
  void vectorResultDecodesWithItsType() {
    byte[] bytes = CODEC.encode(List.of(TlObject.of("userEmpty", "id", 7L)), "Vector<User>");
    assertThat(hex(bytes)).isEqualTo("15c4b51c01000000" + "7a4bbcd3" + "0700000000000000");
    @SuppressWarnings("unchecked")
    List<TlObject> users = (List<TlObject>) CODEC.decode(bytes, "Vector<User>");
    assertThat(users.get(0).longValue("id")).isEqualTo(7L);
  }

  @Test
  void gzipPackedFromPythonUnwrapsTransparently() {
    // gzip of boolTrue (b5757299) made with Python's gzip module, mtime 0, level 9
    byte[] packed = new TlWriter().writeInt(GzipPacked.ID)
        .writeBytes(hex("1f8b08000000000002ffdb5a5a3413009bfb08cd04000000")).toByteArray();
    assertThat(CODEC.decode(packed).name()).isEqualTo("boolTrue");
  }

  @Test
  void gzipPackedRoundTrips() {
    TlObject error = TlObject.of("rpc_error", "error_code", 420, "error_message", "FLOOD_WAIT_3");
    assertThat(CODEC.decode(GzipPacked.pack(CODEC.encode(error)))).isEqualTo(error);
  }

  @Test
  void unknownConstructorIdIsNamed() {
    assertThatThrownBy(() -> CODEC.decode(hex("efbeadde")))
        .isInstanceOf(TlException.class)
        .hasMessage("unknown constructor id deadbeef at offset 0 (schema layer 198)");
  }

  @Test
  void constructorOfTheWrongTypeIsRejected() {
    TlObject wrong = TlObject.of("inputPeerUser", "user_id", 1L, "access_hash", 2L);
    TlObject call = TlObject.of("users.getFullUser", "id", wrong);
    assertThatThrownBy(() -> CODEC.encode(call))
        .hasMessage("expected a InputUser but got inputPeerUser of type InputPeer");
  }

  @Test
  void missingFieldIsNamed() {
    assertThatThrownBy(() -> CODEC.encode(TlObject.of("inputPeerUser", "user_id", 1L)))
        .hasMessage("inputPeerUser needs field 'access_hash' of type long at layer 198");
  }

  private static byte[] body(String payload) {
    byte[] bytes = SAMPLE.bytes(payload);
    return Arrays.copyOfRange(bytes, 20, bytes.length);
  }
}
