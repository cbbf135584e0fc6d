package dev.jgram.testdc.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IoLoopTest {

  @Test
  void echoOfEightMebibytesComesBackWholeThroughQueuedWrites() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    try (IoLoop acceptor = IoLoop.start("test-accept"); IoLoop worker = IoLoop.start("test-io");
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      acceptor.listen(server, channel -> worker, channel -> new Echo(closed));
      byte[] data = new byte[8 << 20];
      new Random(1).nextBytes(data);
      byte[] back = new byte[data.length];
      try (Socket socket = new Socket("127.0.0.1",
          ((InetSocketAddress) server.getLocalAddress()).getPort())) {
        socket.setSoTimeout(20_000);
        Thread writer = new Thread(() -> write(socket, data));
        writer.start();
        new DataInputStream(socket.getInputStream()).readFully(back);
        writer.join(20_000);
      }
      assertThat(Arrays.equals(back, data)).isTrue();
      assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closeAfterFlushSendsEverythingThenCloses() throws Exception {
    try (IoLoop loop = IoLoop.start("test-io"); ServerSocketChannel server =
        ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      byte[] goodbye = new byte[1 << 20];
      Arrays.fill(goodbye, (byte) 7);
      loop.listen(server, channel -> loop, channel -> new WireHandler() {
        @Override
        public void onBytes(Wire wire, byte[] data, int offset, int length) {
          wire.send(goodbye.clone());
          wire.closeAfterFlush();
        }

        @Override
        public void onClosed(Wire wire) {}
      });
      try (Socket socket = new Socket("127.0.0.1",
          ((InetSocketAddress) server.getLocalAddress()).getPort())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(1);
        byte[] all = socket.getInputStream().readAllBytes();
        assertThat(all).hasSize(goodbye.length);
      }
    }
  }

  private static void write(Socket socket, byte[] data) {
    try {
      OutputStream out = socket.getOutputStream();
      for (int at = 0; at < data.length; at += 100_000) {
        out.write(data, at, Math.min(100_000, data.length - at));
      }
      socket.shutdownOutput();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends back what it receives; closes when the peer does. */
  private record Echo(CountDownLatch closed) implements WireHandler {
    @Override
    public void onBytes(Wire wire, byte[] data, int offset, int length) {
      wire.send(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void onClosed(Wire wire) {
      closed.countDown();
    }
  }
}
