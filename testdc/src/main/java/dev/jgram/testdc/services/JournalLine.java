package dev.jgram.testdc.services;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the state journal: fields separated by tabs, each field URL-encoded (UTF-8), so
 * no field contains a tab or a line break; {@code ~} (which URL encoding never produces) stands
 * for null.
 */
final class JournalLine {
  private static final String NULL = "~";

  private JournalLine() {}

  static String encode(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (String field : fields) {
      if (!line.isEmpty()) {
        line.append('\t');
      }
      line.append(field == null ? NULL : URLEncoder.encode(field, StandardCharsets.UTF_8));
    }
    return line.toString();
  }

  static List<String> decode(String line) {
    List<String> fields = new ArrayList<>();
    for (String raw : line.split("\t", -1)) {
      fields.add(raw.equals(NULL) ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
