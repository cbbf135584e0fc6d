package dev.jgram;

import dev.jgram.storage.DcKey;
import dev.jgram.storage.Storage;

/** What a new home key means for the keys of other DCs a session keeps. */
final class HomeKeys {
  private HomeKeys() {}

  /**
   * A new home key on {@code homeDc} starts a new login: the home DC is not listed among the
   * other DCs, and authorisations imported for an earlier login are no longer this session's.
   */
  static void newHomeKey(Storage storage, int homeDc) {
    for (DcKey key : storage.dcKeys()) {
      if (key.dcId() == homeDc) {
        storage.removeDcKey(homeDc);
      } else if (key.authorized()) {
        storage.dcKey(key.withAuthorized(false));
      }
    }
  }
}
