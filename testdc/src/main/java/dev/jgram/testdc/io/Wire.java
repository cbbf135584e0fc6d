package dev.jgram.testdc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One accepted TCP connection of an {@link IoLoop}: bytes to send are written at once when the
 * socket takes them and queued otherwise, then flushed when the selector says it is writable.
 * {@link #send}, {@link #close} and {@link #closeAfterFlush} may be called from any thread;
 * calls from other threads are handed to the loop, so bytes leave in the order they were sent
 * from one thread.
 */
public final class Wire {
  private static final System.Logger LOG = System.getLogger(Wire.class.getName());
  private final IoLoop loop;
  private final SocketChannel channel;
  private final WireHandler handler;
  private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(2);
  private SelectionKey key;
  private boolean closing;
  private volatile boolean closed;

  Wire(IoLoop loop, SocketChannel channel, WireHandler handler) {
    this.loop = loop;
    this.channel = channel;
    this.handler = handler;
  }

  void register(SelectionKey selectionKey) {
    this.key = selectionKey;
  }

  /** Sends {@code bytes} (not copied: the caller hands them over). */
  public void send(byte[] bytes) {
    if (!loop.inLoop()) {
      loop.execute(() -> send(bytes));
      return;
    }
    if (closed || closing) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (pending.isEmpty()) {
      try {
        channel.write(buffer);
      } catch (IOException e) {
        close();
        return;
      }
      if (!buffer.hasRemaining()) {
        return;
      }
      key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }
    pending.add(buffer);
  }

  /** Closes the connection once everything sent so far has left. */
  public void closeAfterFlush() {
    if (!loop.inLoop()) {
      loop.execute(this::closeAfterFlush);
      return;
    }
    closing = true;
    if (pending.isEmpty()) {
      close();
    }
  }

  /** Closes the connection now, dropping anything not yet sent. */
  public void close() {
    if (!loop.inLoop()) {
      loop.execute(this::close);
      return;
    }
    if (closed) {
      return;
    }
    closed = true;
    pending.clear();
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing a socket that failed; nothing is left to release
    }
    handler.onClosed(this);
  }

  /** Whether the connection is closed. */
  public boolean isClosed() {
    return closed;
  }

  /** The loop that serves this connection. */
  public IoLoop loop() {
    return loop;
  }

  void flush() {
    try {
      while (!pending.isEmpty()) {
        ByteBuffer head = pending.peek();
        channel.write(head);
        if (head.hasRemaining()) {
          return;
        }
        pending.poll();
      }
    } catch (IOException e) {
      close();
      return;
    }
    key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    if (closing) {
      close();
    }
  }

  void received(byte[] data, int length) {
    try {
      handler.onBytes(this, data, 0, length);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "connection handler failed; closing", e);
      close();
    }
  }
}
