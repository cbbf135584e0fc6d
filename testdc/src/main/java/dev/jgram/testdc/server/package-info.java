/**
 * The cluster's connection core: per-DC servers on the {@code dev.jgram.testdc.io} engine,
 * transports told from the first bytes, frames dispatched by auth_key_id (0: key exchange,
 * unknown: -404, known: session layer), the key store, connection state (layer and
 * {@code initConnection} per connection), the RPC path to the {@link
 * dev.jgram.testdc.api.ApiService} with answers encoded in each connection's layer, pushes,
 * counters and faults.
 */
package dev.jgram.testdc.server;
