package dev.jgram.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON output through Jackson: pretty-printed, one document per command, nulls kept. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private Json() {}

  /** Writes {@code value} as one JSON document and a newline. */
  static void print(PrintWriter out, Object value) {
    try {
      WRITER.writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  /** Starts a JSON array written one element at a time, for long lists. */
  static SequenceWriter array(PrintWriter out) {
    try {
      return WRITER.writeValuesAsArray(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared mapper, for tests that parse what a command printed. */
  static ObjectMapper mapper() {
    return MAPPER;
  }
}
