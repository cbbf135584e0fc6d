package dev.jgram.testdc.io;

/**
 * What happens on one connection, called on its loop's thread only, so a handler needs no
 * locking for state it alone touches.
 */
public interface WireHandler {

  /** The connection is registered with its loop; a client side may start sending here. */
  default void onOpen(Wire wire) {}

  /**
   * Bytes arrived. {@code data} is reused after the call returns; copy what must be kept.
   *
   * @throws RuntimeException to have the connection closed at once
   */
  void onBytes(Wire wire, byte[] data, int offset, int length);

  /** The connection closed, from either side; called once. */
  void onClosed(Wire wire);
}
