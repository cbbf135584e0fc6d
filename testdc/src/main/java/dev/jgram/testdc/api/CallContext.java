package dev.jgram.testdc.api;

/**
 * Who sent one API query, as the connection core knows it.
 *
 * @param dcId the DC that received the query
 * @param authKeyId the id of the auth key the query was encrypted with
 * @param sessionId the client's session id
 * @param msgId the query's message id (what its {@code rpc_result} answers)
 * @param layer the layer the connection announced with {@code invokeWithLayer}
 * @param apiId the api_id the connection gave in {@code initConnection}
 * @param temporaryKey whether the auth key is a temporary (PFS) key
 * @param permanentAuthKeyId the permanent key a temporary key is bound to, or 0
 */
public record CallContext(int dcId, long authKeyId, long sessionId, long msgId, int layer,
    int apiId, boolean temporaryKey, long permanentAuthKeyId) {

  /** The key whose authorisation counts: the bound permanent key for a temporary key. */
  public long effectiveAuthKeyId() {
    return temporaryKey && permanentAuthKeyId != 0 ? permanentAuthKeyId : authKeyId;
  }
}
