package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import java.util.Arrays;

/** Checks shared by the typed views. */
final class Views {
  private Views() {}

  static TlObject require(TlObject object, String... names) {
    if (!Arrays.asList(names).contains(object.name())) {
      throw new TlException("expected " + String.join(" or ", names) + "; got " + object.name());
    }
    return object;
  }

  static Long optionalLong(TlObject object, String field) {
    Object value = object.get(field);
    return value == null ? null : ((Number) value).longValue();
  }
}
