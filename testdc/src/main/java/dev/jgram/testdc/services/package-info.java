/**
 * The API services of a test cluster: accounts (bots and users with login codes and 2FA
 * verifiers), authorisations bound to auth keys, migration between the cluster's DCs, exported
 * authorisations, users, a small message store with channels, update state with differences,
 * faults injected by tests, durable state in a journal file, and the CLI's account specs.
 *
 * <p>{@link dev.jgram.testdc.services.Services} is the entry point; apart from the types of
 * its API ({@link dev.jgram.testdc.services.BotSpec},
 * {@link dev.jgram.testdc.services.UserSpec}, {@link dev.jgram.testdc.services.ApiFaults})
 * and its exceptions, every type here is internal.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li>Accounts have a home DC (default: the cluster's first). {@code auth.sendCode} for a
 *       registered phone on another DC answers {@code 303 PHONE_MIGRATE_X};
 *       {@code auth.importBotAuthorization}, {@code auth.signIn} and every call of a logged-in
 *       key on another DC answer {@code 303 USER_MIGRATE_X}, except on keys authorised there by
 *       {@code auth.importAuthorization}. An unknown phone signs up on the DC it asked.
 *   <li>Access hashes are a keyed hash of (viewer, peer) with a secret kept in the state, so they
 *       are stable per viewer, differ between viewers, and survive restarts; inputs with a hash
 *       the viewer was not given do not resolve.
 *   <li>Each account's common pts starts at 1 and each private message adds 1 to the sender's
 *       and the recipient's box; each channel's pts starts at 1 and each post adds 1; seq
 *       advances only for updates a test pushes with {@code Services.pushUpdate}; qts stays 0.
 *   <li>Private messages are pushed as {@code updateShortMessage}, channel posts as
 *       {@code updates} with {@code updateNewChannelMessage} (seq 0) and the users and channel
 *       in full; the querying session gets its update in the result
 *       ({@code updateShortSentMessage}, or {@code updates} with {@code updateMessageID}).
 * </ul>
 *
 * <h2>Not modelled</h2>
 *
 * <p>Basic groups, media, edits, deletions, read receipts, contacts and privacy,
 * future auth tokens, email codes, setting or changing a password
 * through the API, and updates other than new messages in {@code getDifference}. Pending login
 * codes, exported authorisations and SRP challenges live in memory only.
 */
package dev.jgram.testdc.services;
