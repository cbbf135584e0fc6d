/**
 * The API services of a test cluster: accounts (bots and users with login codes and 2FA
 * verifiers), authorisations bound to auth keys, migration between the cluster's DCs, exported
 * authorisations, users, a small message store with channels, update state with differences,
 * faults injected by tests, durable state in a journal file, and the CLI's account specs.
 *
 * <p>{@link dev.jgram.testdc.services.Services} is the entry point; every other type here except
 * the value types of its API ({@link dev.jgram.testdc.services.BotSpec},
 * {@link dev.jgram.testdc.services.UserSpec}, {@link dev.jgram.testdc.services.Faults}) is
 * internal.
 */
package dev.jgram.testdc.services;
