/**
 * The update sequence rules (core.telegram.org/api/updates) as a pure state machine: {@link
 * dev.jgram.updates.MessageBox} takes pushed updates and difference answers with an injected
 * clock, and returns the updates to deliver in order ({@link dev.jgram.updates.Delivery}) and
 * the requests that fill gaps ({@link dev.jgram.updates.UpdateRequest}). Its state exports as
 * storage's {@link dev.jgram.storage.UpdateState} plus per-channel pts.
 */
package dev.jgram.updates;
