package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  @Test
  void objectsKeepTheirOrderAndNumbersTheirText() {
    Object v = Json.parse(" {\"b\": [1, -2.5e3, true, null], \"a\": \"x\\u00e9\\n\"} ");

    assertThat(v).isEqualTo(new LinkedHashMap<>(Map.of("b", Arrays.asList(new Json.Num("1"),
        new Json.Num("-2.5e3"), true, null), "a", "xé\n")));
    assertThat(List.<Object>copyOf(((Map<?, ?>) v).keySet())).containsExactly("b", "a");
    assertThat(Json.write(v, Json.Style.GO)).isEqualTo("{\"b\":[1,-2.5e3,true,null],\"a\":\"xé\\n\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\":1,}|invalid JSON at offset 7: expected a member name in double quotes, found another character",
      "{\"a\":1,\"a\":2}|invalid JSON at offset 7: expected no duplicate member names, found another character",
      "[1 2]|invalid JSON at offset 3: expected ']', found another character",
      "01|invalid JSON at offset 1: expected end of input after the value, found another character",
      "{\"a\":tru}|invalid JSON at offset 5: expected a value, found another character",
      "\"\\x\"|invalid JSON at offset 2: expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found another character",
      "[1,|invalid JSON at offset 3: expected a value, found the end of the text",
      "// comment|invalid JSON at offset 0: expected a value, found another character"})
  void malformedJsonIsRefusedByOffsetWithoutQuotingIt(String text, String message) {
    assertThatThrownBy(() -> Json.parse(text)).hasMessage(message);
  }

  @Test
  void goEscapesHtmlCharactersAndJavaScriptDoesNot() {
    String s = "<a&b>\u2028\"\\\u0001\b\f\t";

    assertThat(Json.write(s, Json.Style.GO))
        .isEqualTo("\"\\u003ca\\u0026b\\u003e\\u2028\\\"\\\\\\u0001\\b\\f\\t\"");
    assertThat(Json.write(s, Json.Style.JS))
        .isEqualTo("\"<a&b>\u2028\\\"\\\\\\u0001\\b\\f\\t\"");
  }

  @Test
  void writerTakesLongsAndListsWithNulls() {
    assertThat(Json.write(Arrays.asList(1L, null, "Zoë", List.of()), Json.Style.JS))
        .isEqualTo("[1,null,\"Zoë\",[]]");
  }

  @Test
  void deeplyNestedInputIsRefused() {
    assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100)))
        .hasMessageContaining("expected nesting of at most 64 levels");
  }
}
