package dev.jgram.testdc.api;

/**
 * Where one DC of the cluster listens, as {@code help.getConfig} lists it.
 *
 * @param id the DC id
 * @param host the address clients dial
 * @param port the port clients dial
 */
public record DcAddress(int id, String host, int port) {}
