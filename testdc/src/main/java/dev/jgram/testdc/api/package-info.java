/**
 * The contract between the cluster's connection core (transports, key exchange, session layer,
 * which unwraps {@code invokeWithLayer}/{@code initConnection}) and its API services (accounts,
 * login, users, messages, updates): the core hands each unwrapped query to an
 * {@link dev.jgram.testdc.api.ApiService} with a {@link dev.jgram.testdc.api.CallContext} and
 * encodes the {@link dev.jgram.testdc.api.Answer} in the connection's layer.
 */
package dev.jgram.testdc.api;
