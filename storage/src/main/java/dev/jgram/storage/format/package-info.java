/**
 * Session formats of other Telegram client libraries, in and out, independent of any storage
 * engine.
 *
 * <table>
 *   <caption>Formats ({@link dev.jgram.storage.format.SessionFormat} names)</caption>
 *   <tr><th>name</th><th>what</th><th>carries</th><th>class</th></tr>
 *   <tr><td>pyrogram-string</td><td>Pyrogram session string</td>
 *       <td>dc, api id, test, key, user, bot</td>
 *       <td>{@link dev.jgram.storage.PyrogramSessionString}</td></tr>
 *   <tr><td>pyrogram-file</td><td>Pyrogram .session SQLite</td><td>all, plus peers</td>
 *       <td>{@code Storage.file}</td></tr>
 *   <tr><td>telethon-string</td><td>Telethon StringSession</td><td>dc, IP, port, key</td>
 *       <td>{@code TelethonSessionString}</td></tr>
 *   <tr><td>telethon-file</td><td>Telethon .session SQLite</td>
 *       <td>dc, IP, port, key, self id, entities, update state</td>
 *       <td>{@code TelethonSessionFile}</td></tr>
 *   <tr><td>gramjs-string</td><td>GramJS StringSession</td><td>dc, address, port, key</td>
 *       <td>{@code GramJsSessionString}</td></tr>
 *   <tr><td>gramjs-store</td><td>GramJS Node StoreSession folder</td>
 *       <td>dc, address, port, key, entities</td>
 *       <td>{@code GramJsStoreSession}</td></tr>
 *   <tr><td>mtcute-string</td><td>mtcute session string v3</td>
 *       <td>dc options (test flag), key, user, bot</td>
 *       <td>{@code MtcuteSessionString}</td></tr>
 *   <tr><td>gotd-json</td><td>gotd session.Loader JSON v1</td><td>dc, address, key, salt</td>
 *       <td>{@code GotdSessionJson}</td></tr>
 * </table>
 *
 * <p>{@link dev.jgram.storage.format.SessionFormats} is the entry point, and a conversion flows
 * one way through it: detect and decode the input once into a
 * {@link dev.jgram.storage.format.PortableSession} (what the source says, plus the test flag
 * its address implies), supply what the caller knows ({@code with...}), check it once against
 * the target ({@code SessionFormats.check}, giving a
 * {@link dev.jgram.storage.format.WritableSession} with the test flag and the address worked
 * out), then encode, write or store that. A field the source does not carry stays {@code null}
 * and is never written as zero ({@link dev.jgram.storage.format.MissingSessionFieldsException}).
 */
package dev.jgram.storage.format;
