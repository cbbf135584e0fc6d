package dev.jgram.net;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AesCtr;
import dev.jgram.mtproto.transport.Framing;
import dev.jgram.mtproto.transport.Obfuscated2;
import dev.jgram.mtproto.transport.TransportKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * One TCP connection on the {@link NetLoop}: dials, writes the transport's first bytes (tag or
 * obfuscated2 header), cuts what arrives into frames and hands each payload to its listener.
 * The read side runs on the loop thread only. Everything else runs holding the owner's lock:
 * the loop takes it through the owner's {@code guard}, and {@link #send} may come from a
 * caller's thread that holds it.
 */
final class Link implements NetLoop.IoHandler {
  /** What a link reports. */
  interface Listener {
    void connected(Link link);

    void frame(Link link, byte[] payload);

    /** The link is closed; {@code cause} is null when {@link #close()} closed it. */
    void closed(Link link, Throwable cause);
  }

  private final NetLoop loop;
  private final Transport transport;
  private final Listener listener;
  private final Executor guard;
  private final Framing framing;
  private final ArrayDeque<ByteBuffer> writes = new ArrayDeque<>();
  private AesCtr encryptor;
  private AesCtr decryptor;
  private SocketChannel channel;
  private SelectionKey key;
  private byte[] inbox = new byte[0];
  private int inboxLength;
  private volatile boolean open;
  private volatile boolean closed;

  Link(NetLoop loop, Transport transport, RandomSource random, Listener listener,
      Executor guard) {
    this.loop = loop;
    this.transport = transport;
    this.listener = listener;
    this.guard = guard;
    this.framing = transport.kind().newFraming(random);
  }

  /** Dials {@code address}; the transport's first bytes go out once connected. */
  void open(DcAddress address, RandomSource random) {
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      byte[] first;
      if (transport.obfuscated()) {
        Obfuscated2 o = Obfuscated2.client(transport.kind(), address.id(), random);
        first = o.wireHeader();
        encryptor = o.encryptor();
        decryptor = o.decryptor();
      } else {
        first = transport.kind().tag();
      }
      if (first.length > 0) {
        writes.add(ByteBuffer.wrap(first));
      }
      boolean done = channel.connect(new InetSocketAddress(address.host(), address.port()));
      key = channel.register(loop.selector(), done ? SelectionKey.OP_READ
          : SelectionKey.OP_CONNECT, this);
      if (done) {
        connected();
      }
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  /** Frames and queues {@code payload}. */
  void send(byte[] payload) {
    if (closed) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
    try {
      framing.write(out, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    if (encryptor != null) {
      encryptor.process(bytes, 0, bytes.length);
    }
    writes.add(ByteBuffer.wrap(bytes));
    if (open) {
      flush();
    }
  }

  boolean isOpen() {
    return open && !closed;
  }

  /** Closes the socket; the listener hears {@code closed(this, null)}. Idempotent. */
  void close() {
    finish(null);
  }

  /** Closes the socket because of {@code cause}. */
  void fail(Throwable cause) {
    finish(cause);
  }

  /**
   * On the loop thread: connects and flushes holding the owner's lock; reads without it (the
   * read side is the loop's alone), each frame's listener taking it for that frame only.
   */
  @Override
  public void ready(SelectionKey k) {
    try {
      if (!k.isValid()) {
        return;
      }
      if (k.isConnectable() && channel.finishConnect()) {
        guard.execute(this::connected);
        return;
      }
      if (k.isWritable()) {
        guard.execute(this::flush);
      }
      if (k.isValid() && k.isReadable()) {
        read();
      }
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void connected() {
    open = true;
    key.interestOps(SelectionKey.OP_READ);
    flush();
    if (!closed) {
      listener.connected(this);
    }
  }

  private void flush() {
    try {
      while (!writes.isEmpty()) {
        ByteBuffer head = writes.peek();
        channel.write(head);
        if (head.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          if (!loop.inLoop()) {
            loop.selector().wakeup(); // a caller's write: the loop must see the new interest
          }
          return;
        }
        writes.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void read() throws IOException {
    ByteBuffer buffer = loop.readBuffer();
    while (!closed) {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        fail(new java.io.EOFException("the server closed the connection"));
        return;
      }
      if (n == 0) {
        return;
      }
      buffer.flip();
      append(buffer, n);
      deliverFrames();
    }
  }

  private void append(ByteBuffer buffer, int n) {
    if (inboxLength + n > inbox.length) {
      inbox = Arrays.copyOf(inbox, Math.max(inboxLength + n, inbox.length * 2));
    }
    buffer.get(inbox, inboxLength, n);
    if (decryptor != null) {
      decryptor.process(inbox, inboxLength, n);
    }
    inboxLength += n;
  }

  private void deliverFrames() throws IOException {
    int offset = 0;
    while (!closed) {
      int length = FrameSplitter.frameLength(transport.kind(), inbox, offset,
          inboxLength - offset);
      if (length < 0 || length > inboxLength - offset) {
        break;
      }
      byte[] payload = framing.read(new ByteArrayInputStream(inbox, offset, length));
      if (transport.kind() == TransportKind.PADDED_INTERMEDIATE) {
        payload = Padding.strip(payload);
      }
      offset += length;
      listener.frame(this, payload);
    }
    if (closed) {
      return;
    }
    inboxLength -= offset;
    if (inboxLength == 0 && inbox.length > 4096) {
      inbox = new byte[0];
    } else {
      System.arraycopy(inbox, offset, inbox, 0, inboxLength);
    }
  }

  /**
   * Closes the link: on the loop thread holding the owner's lock; a caller's failed write
   * hands it to the loop, whose read side this also resets.
   */
  private void finish(Throwable cause) {
    if (closed) {
      return;
    }
    if (!loop.inLoop()) {
      try {
        loop.execute(() -> guard.execute(() -> finish(cause)));
      } catch (IllegalStateException loopClosed) {
        // The loop was stopped: its selector and sockets are gone with it.
      }
      return;
    }
    guard.execute(() -> shut(cause));
  }

  private void shut(Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    open = false;
    writes.clear();
    inbox = new byte[0];
    try {
      if (key != null) {
        key.cancel();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // Closing a socket that failed: nothing more to do.
    }
    // Told on the next turn of the loop, never in the middle of the caller's send or read:
    // a write that fails inside a loop over calls must not pull the link from under it.
    try {
      loop.execute(() -> listener.closed(this, cause));
    } catch (IllegalStateException loopClosed) {
      // The loop was stopped: nobody is left to tell.
    }
  }
}
