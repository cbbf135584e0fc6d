package dev.jgram.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value rules of {@link TlObject}, whichever way its fields map was built. */
class TlObjectTest {
  private static final TlCodec CODEC = TlCodec.forLayer(198);

  @Test
  void ofDropsNullValuesAndKeepsTheOrderGiven() {
    TlObject peer = TlObject.of("peerUser", "user_id", 5L);
    TlObject o = TlObject.of("message", "id", 1, "from_id", null, "peer_id", peer,
        "message", "hi");

    assertThat(o.fields()).containsExactly(Map.entry("id", 1), Map.entry("peer_id", peer),
        Map.entry("message", "hi"));
    assertThat(o.has("from_id")).isFalse();
  }

  @Test
  void fieldsCannotBeChangedWhicheverWayTheObjectWasMade() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("user_id", 5L);
    TlObject copied = new TlObject("peerUser", given);
    given.put("user_id", 6L);
    TlObject decoded = CODEC.decode(CODEC.encode(TlObject.of("peerUser", "user_id", 7L)));

    assertThat(copied.longValue("user_id")).isEqualTo(5L);
    for (TlObject o : List.of(copied, decoded, TlObject.of("peerUser", "user_id", 8L),
        copied.with("user_id", 9L))) {
      assertThatThrownBy(() -> o.fields().put("user_id", 1L))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void withSetsAFieldOrRemovesItForNullAndLeavesTheOriginalAlone() {
    TlObject o = TlObject.of("message", "id", 1, "message", "hi");

    assertThat(o.with("message", "bye").string("message")).isEqualTo("bye");
    assertThat(o.with("message", null).has("message")).isFalse();
    assertThat(o.string("message")).isEqualTo("hi");
  }

  @Test
  void objectsMadeEitherWayAreEqualWithEqualHashCodes() {
    TlObject built = TlObject.of("peerUser", "user_id", 5L);
    TlObject copied = new TlObject("peerUser", Map.of("user_id", 5L));
    TlObject decoded = CODEC.decode(CODEC.encode(built));

    assertThat(built).isEqualTo(copied).isEqualTo(decoded);
    assertThat(built.hashCode()).isEqualTo(copied.hashCode()).isEqualTo(decoded.hashCode());
  }
}
