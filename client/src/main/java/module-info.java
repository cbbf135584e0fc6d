/**
 * jgram's client: {@link dev.jgram.Client}, a Telegram account or bot whose session lives in
 * a file, in memory, in a session string or in any {@link dev.jgram.storage.Storage}.
 *
 * <p>Only {@code dev.jgram} is exported; the peer cache feed ({@code dev.jgram.peers}) and the
 * update state machine ({@code dev.jgram.updates}) are the client's own parts. The API speaks
 * in storage types ({@code Storage}, {@code Session}, {@code InputPeer}), MTProto types
 * ({@code User}, {@code TlObject}) and network options ({@code Transport}, {@code NetOptions}),
 * so those three modules are required transitively.
 */
module dev.jgram {
  requires transitive dev.jgram.storage;
  requires transitive dev.jgram.mtproto;
  requires transitive dev.jgram.net;

  exports dev.jgram;
}
