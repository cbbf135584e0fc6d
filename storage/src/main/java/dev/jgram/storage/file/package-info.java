/**
 * The file engine: a Pyrogram schema-3 SQLite {@code .session} file, reached through
 * {@code Storage.file}. {@link dev.jgram.storage.file.SqliteStorage} is the engine; opening
 * ({@code SqliteOpener}, {@code SessionFileProbe}), the schema and its upgrades
 * ({@code SqliteSchema}, {@code SchemaLayout}), the session row ({@code SqliteState}), the
 * sealed auth key ({@code AuthKeyAtRest}), and the peers: the write log ({@code PeerLog}),
 * the lookups that lay the logged peers, held in memory, over the file's rows
 * ({@code PeerLookups}, {@code SqlitePeers}, {@code PeerQueries}; both in-memory parts are
 * {@code dev.jgram.storage.index.PeerIndex}), and the log's merge into Pyrogram's table
 * ({@code LogMerge} and {@code LogUsernames}, or {@code PeerWriter} for the forks' layouts;
 * {@code UsernameRows}). The format on disk is documented in {@code docs/file-format.md}.
 *
 * <p>Not exported by the module: users reach it through {@code dev.jgram.storage.Storage}.
 */
package dev.jgram.storage.file;
