package dev.jgram.storage.format;

/**
 * Where one Telegram data centre listens, as client libraries ship it in their built-in
 * tables (see {@link DcAddresses}).
 *
 * @param dcId the data centre id (raw: a test DC 2 is 2, with {@code testMode} set)
 * @param testMode whether this is one of Telegram's test servers
 * @param ipv4 the dotted IPv4 address
 * @param ipv6 the IPv6 address in canonical compressed form
 * @param port the TCP port clients use: 443 in production, 80 on the test servers
 */
public record DcAddress(int dcId, boolean testMode, String ipv4, String ipv6, int port) {}
