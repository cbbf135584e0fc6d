package dev.jgram.testdc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * One selector thread serving listeners and connections. Work for the loop from other
 * threads goes through {@link #execute}; everything a {@link WireHandler} is told happens on
 * the loop's thread. Reads go through one 64 KiB buffer per loop, so an idle connection holds
 * only what its handler keeps.
 */
public final class IoLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IoLoop.class.getName());

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
  private final byte[] readArray = new byte[64 * 1024];
  private volatile boolean running = true;

  private IoLoop(String name) throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Opens a selector and starts its thread. */
  public static IoLoop start(String name) {
    try {
      IoLoop loop = new IoLoop(name);
      loop.thread.start();
      return loop;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for " + name, e);
    }
  }

  /** Runs {@code task} on the loop's thread, soon. */
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Whether the caller is this loop's thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Accepts connections on {@code server} (already bound) and hands each to the loop chosen by
   * {@code placement}, with the handler {@code handlers} makes for it.
   */
  public void listen(ServerSocketChannel server, Function<SocketChannel, IoLoop> placement,
      Function<SocketChannel, WireHandler> handlers) {
    execute(() -> {
      try {
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT, new Acceptor(server, placement,
            handlers));
      } catch (java.nio.channels.ClosedChannelException e) {
        LOG.log(System.Logger.Level.DEBUG, "listener closed before it was registered", e);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "listener could not be registered", e);
      }
    });
  }

  /** Takes over an accepted connection; its handler hears from it on this loop. */
  public void adopt(SocketChannel channel, WireHandler handler) {
    execute(() -> {
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Wire wire = new Wire(this, channel, handler);
        wire.register(channel.register(selector, SelectionKey.OP_READ, wire));
        handler.onOpen(wire);
      } catch (IOException e) {
        closeQuietly(channel);
      }
    });
  }

  /** Stops the thread and closes every channel registered with it. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    selector.wakeup();
    if (!inLoop()) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (running) {
        selector.select(1000);
        runTasks();
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      LOG.log(System.Logger.Level.WARNING, "selector failed; the loop stops", e);
    } finally {
      shutdown();
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "task on the I/O loop failed", e);
      }
    }
  }

  private void handle(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.attachment() instanceof Acceptor acceptor) {
      acceptor.acceptAll();
      return;
    }
    Wire wire = (Wire) key.attachment();
    if (key.isWritable()) {
      wire.flush();
    }
    if (key.isValid() && key.isReadable()) {
      read(key, wire);
    }
  }

  private void read(SelectionKey key, Wire wire) {
    SocketChannel channel = (SocketChannel) key.channel();
    int n;
    try {
      readBuffer.clear();
      n = channel.read(readBuffer);
    } catch (IOException e) {
      wire.close();
      return;
    }
    if (n < 0) {
      // the peer finished sending: answer what is queued, then close
      key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
      wire.closeAfterFlush();
      return;
    }
    readBuffer.flip();
    readBuffer.get(readArray, 0, n);
    wire.received(readArray, n);
  }

  private void shutdown() {
    runTasks();
    List<SelectionKey> keys = new ArrayList<>(selector.keys());
    for (SelectionKey key : keys) {
      if (key.attachment() instanceof Wire wire) {
        wire.close();
      } else {
        closeQuietly(key.channel());
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "selector close failed", e);
    }
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "channel close failed", e);
    }
  }

  /** Accepts every pending connection of one listener. */
  private record Acceptor(ServerSocketChannel server, Function<SocketChannel, IoLoop> placement,
      Function<SocketChannel, WireHandler> handlers) {

    void acceptAll() {
      try {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
          placement.apply(channel).adopt(channel, handlers.apply(channel));
        }
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "accept failed", e);
      }
    }
  }
}
