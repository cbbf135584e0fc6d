/**
 * The testdc load scenario: one cluster process ({@code jgram testdc}) holding many connected,
 * logged-in sessions, driven by non-blocking clients in this process.
 */
package dev.jgram.bench.testdc;
