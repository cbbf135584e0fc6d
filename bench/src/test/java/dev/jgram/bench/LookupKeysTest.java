package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Peer;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LookupKeysTest {

  @Test
  void hitKeysAreInTheWorkloadAndMissingIdsAreNot() {
    Workload w = Workload.generate(3_000, 11);
    Set<Long> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (int i = 0; i < w.size(); i++) {
      Peer p = w.peer(i);
      ids.add(p.id());
      names.addAll(p.usernames());
      if (p.phoneNumber() != null) {
        phones.add(p.phoneNumber());
      }
    }
    LookupKeys keys = LookupKeys.draw(w, 5_000, new SplittableRandom(1));
    assertThat(LongStream.of(keys.ids()).boxed()).hasSize(5_000).allMatch(ids::contains);
    assertThat(keys.usernames()).hasSize(5_000).allMatch(names::contains);
    assertThat(keys.phones()).hasSize(5_000).allMatch(phones::contains);
    assertThat(LongStream.of(keys.missingIds()).boxed()).hasSize(5_000)
        .noneMatch(ids::contains);
  }

  @Test
  void usernameAndPhoneKeysAreFreshStringsNotTheStoredOnes() {
    Workload w = Workload.generate(2_000, 3);
    Set<String> stored = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < w.size(); i++) {
      stored.addAll(w.peer(i).usernames());
      if (w.peer(i).phoneNumber() != null) {
        stored.add(w.peer(i).phoneNumber());
      }
    }
    LookupKeys keys = LookupKeys.draw(w, 1_000, new SplittableRandom(4));
    assertThat(keys.usernames()).noneMatch(stored::contains);
    assertThat(keys.phones()).noneMatch(stored::contains);
  }

  @Test
  void usernameKeysIncludeAlternativeUsernames() {
    Workload w = Workload.generate(20_000, 42);
    LookupKeys keys = LookupKeys.draw(w, 10_000, new SplittableRandom(2));
    assertThat(keys.usernames()).anyMatch(name -> name.endsWith("_alt"));
  }
}
