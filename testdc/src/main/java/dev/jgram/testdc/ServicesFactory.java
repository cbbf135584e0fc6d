package dev.jgram.testdc;

import dev.jgram.testdc.api.ApiService;

/** Makes the API services of a cluster from what the cluster knows once it listens. */
@FunctionalInterface
public interface ServicesFactory {

  /** The services for every DC of the cluster. */
  ApiService create(ServiceSetup setup);
}
