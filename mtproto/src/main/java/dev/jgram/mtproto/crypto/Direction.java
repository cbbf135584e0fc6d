package dev.jgram.mtproto.crypto;

/**
 * Which way a message travels; MTProto 2.0 reads the auth key at offset {@code x} for it:
 * x = 0 for messages from client to server, x = 8 for those from server to client.
 */
public enum Direction {
  /** Client to server, x = 0. */
  CLIENT_TO_SERVER(0),
  /** Server to client, x = 8. */
  SERVER_TO_CLIENT(8);

  private final int x;

  Direction(int x) {
    this.x = x;
  }

  /** The auth key offset x of this direction. */
  public int x() {
    return x;
  }
}
