package dev.jgram.testdc.services;

import java.nio.file.Path;

/** The state directory's journal cannot be read or written. */
public final class StateFileException extends RuntimeException {

  StateFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
