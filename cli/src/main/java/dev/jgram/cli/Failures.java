package dev.jgram.cli;

import dev.jgram.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns any failure into the one line a user reads; the messages never hold secrets. */
final class Failures {
  private Failures() {}

  /** The one-line description of {@code e}. */
  static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause());
    }
    if (e instanceof CliException || e instanceof StorageException
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      return Jgram.oneLine(e.getMessage());
    }
    if (e instanceof FileSystemException f) {
      return Jgram.oneLine(f.getFile() + ": " + fileProblem(f));
    }
    if (e instanceof IOException) {
      return Jgram.oneLine(e.getMessage());
    }
    return "internal error: " + Jgram.oneLine(e.toString())
        + " (run with --verbose for the stack trace)";
  }

  private static String fileProblem(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    return f.getReason() == null ? "cannot access" : f.getReason();
  }
}
