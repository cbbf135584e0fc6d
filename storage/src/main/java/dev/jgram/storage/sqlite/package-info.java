/**
 * SQLite plumbing shared by the file engine and the readers of other libraries' SQLite
 * files: {@link dev.jgram.storage.sqlite.SqliteHeader}, the one reader of the 100-byte
 * database header, and {@link dev.jgram.storage.sqlite.SqliteFiles}, connections, side files
 * and schema queries. Depends on the API package only.
 *
 * <p>Not exported by the module.
 */
package dev.jgram.storage.sqlite;
