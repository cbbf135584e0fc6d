package dev.jgram.testdc.server;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.transport.Connection;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.api.DcAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A blocking test client: jgram's client framings over a real socket to one DC. */
final class Dial implements AutoCloseable {
  final Socket socket;
  final Connection connection;

  private Dial(Socket socket, Connection connection) {
    this.socket = socket;
    this.connection = connection;
  }

  /** Connects with {@code kind}, obfuscated2 (announcing {@code dc.id()}) when asked. */
  static Dial to(DcAddress dc, TransportKind kind, boolean obfuscated) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(dc.host(), dc.port()), 5000);
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      RandomSource random = RandomSource.secure();
      Connection connection = obfuscated
          ? Connection.obfuscatedClient(kind, dc.id(), socket.getInputStream(),
              socket.getOutputStream(), random)
          : Connection.client(kind, socket.getInputStream(), socket.getOutputStream(), random);
      return new Dial(socket, connection);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to DC " + dc.id(), e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
