package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The core over real sockets on 127.0.0.1, without a key exchange. */
class ClusterCoreSocketTest {
  private TestCluster core;

  @AfterEach
  void stop() {
    if (core != null) {
      core.close();
    }
  }

  static Stream<Arguments> transports() {
    return Stream.of(TransportKind.values()).flatMap(kind -> kind == TransportKind.FULL
        ? Stream.of(Arguments.of(kind, false))
        : Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, obfuscated {1}")
  @MethodSource("transports")
  void unknownAuthKeyGetsMinus404OverEveryTransport(TransportKind kind, boolean obfuscated)
      throws IOException {
    start(List.of(1, 2), 0);
    try (Dial dial = Dial.to(core.dcs().get(1), kind, obfuscated)) {
      dial.connection.send(encryptedLooking(0x0102030405060708L));
      assertTransportError(dial, -404);
      dial.connection.send(encryptedLooking(0x0102030405060709L));
      assertTransportError(dial, -404);
    }
  }

  @Test
  void frameTooShortForAnAuthKeyIdGetsMinus404() throws IOException {
    start(List.of(1), 0);
    try (Dial dial = Dial.to(core.dcs().get(0), TransportKind.INTERMEDIATE, false)) {
      dial.connection.send(new byte[4]);
      assertTransportError(dial, -404);
    }
  }

  @Test
  void transportErrorFaultAnswersTheNextFramesWithItsCode() throws IOException {
    start(List.of(1), 0);
    core.faults().transportErrors(-429, 2);
    try (Dial dial = Dial.to(core.dcs().get(0), TransportKind.ABRIDGED, true)) {
      for (int expected : new int[] {-429, -429, -404}) {
        dial.connection.send(encryptedLooking(5));
        assertTransportError(dial, expected);
      }
    }
  }

  @Test
  void closeAfterFramesFaultClosesTheConnectionOnThatFrame() throws IOException {
    start(List.of(1), 0);
    core.faults().closeAfterFrames(2);
    try (Dial dial = Dial.to(core.dcs().get(0), TransportKind.FULL, false)) {
      dial.connection.send(encryptedLooking(5));
      assertTransportError(dial, -404);
      dial.connection.send(encryptedLooking(5));
      assertThatThrownBy(dial.connection::receive)
          .isInstanceOfAny(EOFException.class, SocketException.class);
    }
  }

  @Test
  void dcsListenOnConsecutivePortsFromTheFirstPort() throws IOException {
    int first = freePortPair();
    start(List.of(1, 2), first);
    assertThat(core.dcs()).containsExactly(new DcAddress(1, "127.0.0.1", first),
        new DcAddress(2, "127.0.0.1", first + 1));
  }

  @Test
  void portInUseIsReportedWithTheDcAndThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> start(List.of(1), port))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("DC 1 cannot listen on 127.0.0.1:" + port);
    }
  }

  @Test
  void openConnectionsAreCounted() throws Exception {
    start(List.of(1), 0);
    try (Dial dial = Dial.to(core.dcs().get(0), TransportKind.INTERMEDIATE, false)) {
      dial.connection.send(encryptedLooking(5));
      assertTransportError(dial, -404);
      assertThat(core.openConnections()).isEqualTo(1);
    }
  }

  private void start(List<Integer> dcs, int firstPort) {
    core = Clusters.builder(new AtomicReference<>()).dcs(dcs).port(firstPort).start();
  }

  /** A frame shaped like an encrypted message: key id, msg_key, 32 bytes. */
  private static byte[] encryptedLooking(long authKeyId) {
    byte[] frame = new byte[8 + 16 + 32];
    for (int i = 0; i < 8; i++) {
      frame[i] = (byte) (authKeyId >>> (8 * i));
    }
    return frame;
  }

  private static void assertTransportError(Dial dial, int code) {
    assertThatThrownBy(dial.connection::receive)
        .isInstanceOf(TransportException.class)
        .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(code);
  }

  private static int freePortPair() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      if (port < 65535) {
        try (ServerSocket second = new ServerSocket(port + 1)) {
          return port;
        } catch (IOException taken) {
          // try another pair
        }
      }
    }
    throw new IllegalStateException("no two consecutive free ports found");
  }
}
