package dev.jgram.cli;

import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.mtproto.MessageIds;
import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.ClientKeyExchange;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.session.ClientSession;
import dev.jgram.mtproto.session.OutgoingMessage;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.Connection;
import dev.jgram.mtproto.transport.TransportKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestdcCommandTest {
  private static final String TOKEN = "123456:AAH-secret";

  @TempDir
  Path dir;

  @Test
  void jsonLineHoldsTheIssuesFactsAndTheCommandStopsWhenStdinCloses() throws Exception {
    CliRun.Result result = jgram("testdc", "--json", "--stdin-close-stops", "--dcs", "1,2",
        "--bot", TOKEN + "@2");
    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines()).hasSize(1);
    JsonNode line = Json.mapper().readTree(result.out());
    assertThat(line.fieldNames()).toIterable().containsExactly("dcs", "rsa_public_key_pem",
        "fingerprint", "fingerprint_signed", "layers");
    assertThat(line.get("dcs")).extracting(dc -> dc.get("id").asInt()).containsExactly(1, 2);
    assertThat(line.get("dcs")).allSatisfy(dc -> {
      assertThat(dc.get("host").asText()).isEqualTo("127.0.0.1");
      assertThat(dc.get("port").asInt()).isPositive();
    });
    RsaPublicKey key = RsaPublicKey.fromPem(line.get("rsa_public_key_pem").asText());
    assertThat(line.get("rsa_public_key_pem").asText())
        .startsWith("-----BEGIN RSA PUBLIC KEY-----\n");
    assertThat(line.get("fingerprint_signed").isTextual()).isTrue();
    assertThat(line.get("fingerprint_signed").asText())
        .isEqualTo(Long.toString(key.fingerprint()));
    assertThat(line.get("fingerprint").asText()).isEqualTo(wireHex(key.fingerprint()));
    assertThat(Long.toUnsignedString(key.fingerprint(), 16)).hasSize(16);
    assertThat(line.get("layers")).extracting(JsonNode::asInt).containsExactly(158, 198, 227);
  }

  @Test
  void givenKeyIsTheClustersKeyAndPortsAreConsecutive() throws Exception {
    RsaPrivateKey rsa = RsaPrivateKey.generate(new SecureRandom(), true);
    Path pem = dir.resolve("key.pem");
    Files.writeString(pem, rsa.privateKeyPem());
    int port = freePortPair();
    CliRun.Result result = jgram("testdc", "--json", "--stdin-close-stops", "--dcs", "1,2",
        "--port", Integer.toString(port), "--key", pem.toString());
    assertThat(result.exitCode()).isZero();
    JsonNode line = Json.mapper().readTree(result.out());
    assertThat(line.get("fingerprint_signed").asText())
        .isEqualTo(Long.toString(rsa.fingerprint()));
    assertThat(line.get("dcs")).extracting(dc -> dc.get("port").asInt())
        .containsExactly(port, port + 1);
  }

  @Test
  void withoutJsonItTellsAPersonWhereTheDcsAreAndHowToPointAClient() {
    CliRun.Result result = jgram("testdc", "--stdin-close-stops", "--dcs", "3", "--bot",
        TOKEN + "=my_test_bot", "--user", "+15550001234:hunter2", "--code", "24680");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("DC 3  127.0.0.1:", "-----BEGIN RSA PUBLIC KEY-----",
        "bot: " + TOKEN + " (@my_test_bot, DC 3)",
        "user: +15550001234 (DC 3, with a 2FA password)", "login code: 24680",
        "Point a client at");
    assertThat(result.out()).doesNotContain("hunter2");
  }

  @Test
  void badArgumentsGetOneLineOnStderrAndExitTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Files.writeString(dir.resolve("bad.pem"), "not a key");
      for (List<String> args : List.of(
          List.of("--bot", "not-a-token"),
          List.of("--user", "+1555abc"),
          List.of("--port", Integer.toString(taken.getLocalPort())),
          List.of("--key", dir.resolve("missing.pem").toString()),
          List.of("--key", dir.resolve("bad.pem").toString()),
          List.of("--dcs", "0"),
          List.of("--bot", TOKEN + "@9"))) {
        String[] line = new String[args.size() + 2];
        line[0] = "testdc";
        line[1] = "--stdin-close-stops";
        for (int i = 0; i < args.size(); i++) {
          line[i + 2] = args.get(i);
        }
        CliRun.Result result = jgram(line);
        assertThat(result.exitCode()).as(args.toString()).isEqualTo(2);
        assertThat(result.errLines()).as(args.toString()).hasSize(1);
        assertThat(result.errLines()[0]).as(args.toString()).startsWith("jgram testdc: ");
        assertThat(result.out()).as(args.toString()).isEmpty();
      }
    }
  }

  @Test
  void aBotLogsInWhileTheCommandServesAndTheEventsFileRecordsIt() throws Exception {
    PipedOutputStream stdin = new PipedOutputStream();
    PipedInputStream commandIn = new PipedInputStream(stdin);
    PipedInputStream outPipe = new PipedInputStream(1 << 16);
    PrintWriter out = new PrintWriter(new PipedOutputStream(outPipe), true,
        StandardCharsets.UTF_8);
    Path events = dir.resolve("events.jsonl");
    Terminal terminal = new Terminal(out, new PrintWriter(new StringWriter(), true), commandIn,
        false, Clock.systemUTC());
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Jgram.run(terminal,
        "testdc", "--json", "--stdin-close-stops", "--dcs", "1,2", "--bot", TOKEN + "@2",
        "--events", events.toString()));
    JsonNode line = Json.mapper().readTree(new BufferedReader(new InputStreamReader(outPipe,
        StandardCharsets.UTF_8)).readLine());
    RsaPublicKey key = RsaPublicKey.fromPem(line.get("rsa_public_key_pem").asText());
    int port = line.get("dcs").get(1).get("port").asInt();
    TlObject authorization = loginBot(port, key);
    assertThat(authorization.name()).isEqualTo("auth.authorization");
    assertThat(authorization.object("user").longValue("id")).isEqualTo(123456L);
    stdin.close();
    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines.get(0)).startsWith("{\"ev\":\"key_exchange\",\"dc\":2,");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"ev\":\"login\",\"dc\":2,")
        .endsWith(",\"user_id\":123456,\"bot\":true}"));
  }

  /** Key exchange, then importBotAuthorization wrapped in init, with jgram's client pieces. */
  private static TlObject loginBot(int port, RsaPublicKey key) throws Exception {
    RandomSource random = RandomSource.secure();
    TlCodec codec = TlCodec.forLayer(198);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      Connection connection = Connection.client(TransportKind.INTERMEDIATE,
          socket.getInputStream(), socket.getOutputStream(), random);
      MessageIds ids = new MessageIds(Clock.systemUTC(), 0);
      KeyExchangeOptions options = KeyExchangeOptions.current(2);
      var started = ClientKeyExchange.start(options, random);
      var requested = ClientKeyExchange.requestDhParams(started.state(),
          plain(connection, ids, started.request()), Map.of(key.fingerprint(), key), options,
          random);
      var sent = ClientKeyExchange.setClientDhParams(requested.state(),
          plain(connection, ids, requested.request()), random, Instant.now());
      AuthKeyResult result = ClientKeyExchange.finish(sent.state(),
          plain(connection, ids, sent.request()));
      ClientSession session = ClientSession.create(result.authKey(), result.firstSalt(),
          result.timeOffset(), random);
      byte[] query = codec.encode(TlObject.of("invokeWithLayer", "layer", 198, "query",
          TlObject.of("initConnection", "api_id", 12345, "device_model", "test",
              "system_version", "1", "app_version", "1", "system_lang_code", "en",
              "lang_pack", "", "lang_code", "en", "query",
              TlObject.of("auth.importBotAuthorization", "flags", 0, "api_id", 12345,
                  "api_hash", "0123456789abcdef0123456789abcdef", "bot_auth_token", TOKEN))));
      var packed = session.pack(List.of(OutgoingMessage.query(query)), Instant.now());
      for (byte[] message : packed.messages()) {
        connection.send(message);
      }
      while (true) {
        for (ClientAction action : session.receive(connection.receive(), Instant.now())) {
          if (action instanceof ClientAction.Result r) {
            return codec.decode(r.body());
          }
          if (action instanceof ClientAction.Failed f) {
            throw new AssertionError("login failed: " + f.error());
          }
        }
      }
    }
  }

  private static byte[] plain(Connection connection, MessageIds ids, byte[] body)
      throws Exception {
    connection.send(new PlainMessage(ids.next(), body).encode());
    return PlainMessage.decode(connection.receive()).body();
  }

  private static String wireHex(long fingerprint) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      out.append(String.format("%02x", (fingerprint >>> (8 * i)) & 0xFF));
    }
    return out.toString();
  }

  private static int freePortPair() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      try (ServerSocket second = new ServerSocket(port + 1)) {
        return port;
      } catch (java.io.IOException taken) {
        // try another pair
      }
    }
    throw new IllegalStateException("no two consecutive free ports found");
  }
}
