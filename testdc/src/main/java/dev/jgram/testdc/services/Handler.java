package dev.jgram.testdc.services;

import dev.jgram.mtproto.tl.TlObject;

/** Answers one method; throws {@link RpcException} for an {@code rpc_error}. */
@FunctionalInterface
interface Handler {

  TlObject handle(Call call);
}
