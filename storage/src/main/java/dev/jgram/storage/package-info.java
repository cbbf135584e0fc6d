/**
 * jgram's session storage: what a user of the library meets. {@link dev.jgram.storage.Storage}
 * with its factories ({@code file}, {@code memory}, {@code fromSessionString}), the values
 * ({@link dev.jgram.storage.Session}, {@link dev.jgram.storage.Peer},
 * {@link dev.jgram.storage.PeerType}, {@link dev.jgram.storage.InputPeer},
 * {@link dev.jgram.storage.AuthKey}, {@link dev.jgram.storage.UpdateState}), the settings
 * ({@link dev.jgram.storage.StorageConfig}, {@link dev.jgram.storage.SessionEncryption}), the
 * Pyrogram session-string codec and the exceptions.
 *
 * <p>The engines live in packages of their own and are reached only through the factories:
 * {@code file} (Pyrogram-compatible SQLite), {@code memory} (pure Java), with {@code index},
 * {@code lock}, {@code crypt} and {@code sqlite} as their parts. Other libraries' formats are
 * in {@code format}, which uses this package only. {@code docs/architecture.md} draws the map
 * and {@code docs/file-format.md} documents the file format.
 */
package dev.jgram.storage;
