/**
 * The file engine: a Pyrogram schema-3 SQLite {@code .session} file, reached through
 * {@code Storage.file}. {@link dev.jgram.storage.file.SqliteStorage} is the engine; opening
 * ({@code SqliteOpener}, {@code SessionFileProbe}), the schema and its upgrades
 * ({@code SqliteSchema}, {@code SchemaLayout}), the session row ({@code SqliteState}), the
 * sealed auth key ({@code AuthKeyAtRest}), and the peers: the in-memory cache that answers
 * lookups ({@code PeerCache}, {@code PeerSlots}, {@code SlotClaims}, {@code CachedPeers}), the
 * write log ({@code PeerLog}, {@code LoggedKeys}, {@code LogShadow}) and its merge into
 * Pyrogram's table ({@code LogMerge}, {@code LogUsernames}, {@code PeerWriter},
 * {@code UsernameRows}). The format on disk is documented in {@code docs/file-format.md}.
 *
 * <p>Not exported by the module: users reach it through {@code dev.jgram.storage.Storage}.
 */
package dev.jgram.storage.file;
