package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Storage} engine obeys, run against each engine by a subclass.
 *
 * <p>A subclass supplies fresh, unopened storages through {@link #newStorage(StorageConfig)}
 * and, if its engine persists, a second storage over the same backing store through
 * {@link #reopen(StorageConfig)}. Every test builds its storages through {@link #open()} or
 * {@link #open(StorageConfig)}, which wire in the test's {@link #clock} and close whatever is
 * still open after the test. Tests about persistence are skipped for engines that keep
 * nothing ({@code reopen} returns empty).
 *
 * <p>Subclasses in other modules depend on the storage module's test-jar.
 */
public abstract class StorageContractTest {
  /** The instant every test starts at: 2023-11-14T22:13:20Z. */
  protected static final long NOW = 1_700_000_000L;

  /** Pyrogram's username TTL in seconds. */
  protected static final long TTL = 8 * 60 * 60;

  /** A key and the string Pyrogram 2.0.106 exported for it (fixture pyrogram:prod-user-dc2). */
  public static final String FIXTURE_KEY_HEX =
      "aa54c8e424fb8595188865c5a4f84edc718bc1c3c47020abf64546b901d95c44e039a75c17ad399a9d93bd87"
          + "7948ddcaa05700b83165fdbbb8e18c177ec0e2df87534ca43e86d953e6eb10d1b23c31745afe7c2daf52"
          + "938b403d8f8088793de7a4221732f184b96228ce9d64c56ae366a5654befb132590ac6ac3d2ff7a8abe9"
          + "fe9da16873776ce2ebb162d90386344fa5dd826a78d0b698d97317327bc5bd175c697f4db99b5be2724d"
          + "e1369dc6fa24b9196e287e3e783869825eb48089d35a63cf3ee76eded717d529d60a5eeb6472ca52697a"
          + "9279b0d2f541f6331f4ccafac4a2b05ae3f28bfa5fa8e54f6ec62f9d89458ea6f7afe669e8753a42064a"
          + "7030";

  /** Pyrogram's export of dc 2, api_id 12345, prod, {@link #FIXTURE_KEY_HEX}, user 987654321. */
  public static final String FIXTURE_STRING =
      "AgAAMDkAqlTI5CT7hZUYiGXFpPhO3HGLwcPEcCCr9kVGuQHZXETgOadcF605mp2TvYd5SN3KoFcAuDFl_bu44Yw"
          + "XfsDi34dTTKQ-htlT5usQ0bI8MXRa_nwtr1KTi0A9j4CIeT3npCIXMvGEuWIozp1kxWrjZqVlS--xMlkKxq"
          + "w9L_eoq-n-naFoc3ds4uuxYtkDhjRPpd2CanjQtpjZcxcye8W9F1xpf025m1vick3hNp3G-iS5GW4ofj54O"
          + "GmCXrSAidNaY88-527e1xfVKdYKXutkcspSaXqSebDS9UH2Mx9MyvrEorBa4_KL-l-o5U9uxi-diUWOpvev"
          + "5mnodTpCBkpwMAAAAAA63mixAA";

  /**
   * Pyrogram 1.4.0's export of the same session (legacy 351-character layout, no api_id;
   * fixture pyrogram-v1.4.0:prod-user-dc2).
   */
  public static final String FIXTURE_LEGACY_STRING =
      "AgCqVMjkJPuFlRiIZcWk-E7ccYvBw8RwIKv2RUa5AdlcROA5p1wXrTmanZO9h3lI3cqgVwC4MWX9u7jhjBd-wO"
          + "Lfh1NMpD6G2VPm6xDRsjwxdFr-fC2vUpOLQD2PgIh5PeekIhcy8YS5YijOnWTFauNmpWVL77EyWQrGrD0v96ir"
          + "6f6doWhzd2zi67Fi2QOGNE-l3YJqeNC2mNlzFzJ7xb0XXGl_TbmbW-JyTeE2ncb6JLkZbih-Png4aYJetICJ01"
          + "pjzz7nbt7XF9Up1gpe62RyylJpepJ5sNL1QfYzH0zK-sSisFrj8ov6X6jlT27GL52JRY6m96_maeh1OkIGSnAw"
          + "Ot5osQA";

  /** The clock every storage of the test reads; starts at {@link #NOW}. */
  protected final TestClock clock = new TestClock(NOW);

  private final List<Storage> opened = new ArrayList<>();

  /**
   * A fresh, unopened storage over a new, empty backing store.
   *
   * @param config the settings to honour (clock, TTL)
   */
  protected abstract Storage newStorage(StorageConfig config);

  /**
   * A fresh, unopened storage over the backing store of the storage most recently returned
   * by {@link #newStorage(StorageConfig)}, which the caller has closed; or empty if the
   * engine persists nothing (the default).
   */
  protected Optional<Storage> reopen(StorageConfig config) {
    return Optional.empty();
  }

  /** The default settings, with {@link #clock}. */
  protected StorageConfig config() {
    return StorageConfig.DEFAULTS.withClock(clock);
  }

  /** A new storage with {@link #config()}, opened. */
  protected Storage open() {
    return open(config());
  }

  /** A new storage with {@code config}, opened; closed after the test. */
  protected Storage open(StorageConfig config) {
    Storage storage = newStorage(config);
    opened.add(storage);
    storage.open();
    return storage;
  }

  /**
   * Closes {@code storage} and opens its backing store again with {@code config}, for engines
   * that persist (see {@link PersistentStorageContractTest}).
   */
  protected Storage closeAndReopen(Storage storage, StorageConfig config) {
    storage.close();
    return openAgain(config);
  }

  /** Opens the backing store of the storage most recently created, again; closed after the test. */
  protected Storage openAgain(StorageConfig config) {
    Storage again = reopen(config).orElseThrow(() -> new IllegalStateException(
        getClass().getSimpleName() + " persists nothing: reopen() returned empty"));
    opened.add(again);
    again.open();
    return again;
  }

  @AfterEach
  void closeEverything() {
    for (Storage storage : opened) {
      storage.close();
    }
  }

  /** The fixture's logged-in session, as Pyrogram reads it from {@link #FIXTURE_STRING}. */
  public static Session fixtureSession() {
    return new Session(2, 12345L, false, AuthKey.of(HexFormat.of().parseHex(FIXTURE_KEY_HEX)),
        0, 987654321L, false);
  }

  protected static Peer user(long id, long hash, String... usernames) {
    return Peer.of(id, hash, PeerType.USER, List.of(usernames), null);
  }

  /** Every call but name/open/close/delete, each run once against a storage. */
  static Map<String, Consumer<Storage>> guardedCalls() {
    Peer peer = user(1, 2, "a");
    return Map.ofEntries(
        Map.entry("save", Storage::save),
        Map.entry("session()", Storage::session),
        Map.entry("session(s)", s -> s.session(Session.EMPTY)),
        Map.entry("updatePeers", s -> s.updatePeers(List.of(peer))),
        Map.entry("restorePeers", s -> s.restorePeers(List.of(peer))),
        Map.entry("peerById", s -> s.peerById(1)),
        Map.entry("peerByUsername", s -> s.peerByUsername("a")),
        Map.entry("peerByPhoneNumber", s -> s.peerByPhoneNumber("1")),
        Map.entry("peer", s -> s.peer(1)),
        Map.entry("forEachPeer", s -> s.forEachPeer(p -> {})),
        Map.entry("peerCount", Storage::peerCount),
        Map.entry("updateState()", Storage::updateState),
        Map.entry("updateState(s)", s -> s.updateState(new UpdateState(1, 2, 3, 4))),
        Map.entry("channelPts()", s -> s.channelPts(1)),
        Map.entry("channelPts(p)", s -> s.channelPts(1, 2)),
        Map.entry("allChannelPts", Storage::allChannelPts),
        Map.entry("revokeKey", s -> s.revokeKey("AUTH_KEY_UNREGISTERED")),
        Map.entry("keyRevocation", Storage::keyRevocation),
        Map.entry("exportSessionString", Storage::exportSessionString));
  }

  static List<String> guardedCallNames() {
    return guardedCalls().keySet().stream().sorted().toList();
  }

  /** Open, close, delete and misuse. */
  @Nested
  class Lifecycle {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jgram.storage.StorageContractTest#guardedCallNames")
    void everyCallBeforeOpenThrowsIllegalStateExceptionNamingTheStorage(String call) {
      Storage storage = newStorage(config());
      opened.add(storage);
      assertThatThrownBy(() -> guardedCalls().get(call).accept(storage))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(storage.name() + ": storage is not open");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jgram.storage.StorageContractTest#guardedCallNames")
    void everyCallAfterCloseThrowsIllegalStateExceptionNamingTheStorage(String call) {
      Storage storage = open();
      storage.close();
      assertThatThrownBy(() -> guardedCalls().get(call).accept(storage))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(storage.name() + ": storage is closed");
    }

    @Test
    void closeIsIdempotent() {
      Storage storage = open();
      storage.close();
      storage.close();
      assertThatThrownBy(storage::session).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingANeverOpenedStorageIsHarmless() {
      Storage storage = newStorage(config());
      storage.close();
      storage.close();
    }

    @Test
    void aClosedStorageCannotBeOpenedAgain() {
      Storage storage = open();
      storage.close();
      assertThatThrownBy(storage::open)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(storage.name() + ": storage is closed");
    }

    @Test
    void openingTwiceIsRejected() {
      Storage storage = open();
      assertThatThrownBy(storage::open).isInstanceOf(IllegalStateException.class);
      assertThat(storage.session()).isEqualTo(Session.EMPTY);
    }

    @Test
    void nameIsAvailableBeforeOpenAndAfterClose() {
      Storage storage = newStorage(config());
      String name = storage.name();
      assertThat(name).isNotBlank();
      storage.open();
      storage.close();
      assertThat(storage.name()).isEqualTo(name);
    }

    @Test
    void deleteClosesTheStorage() {
      Storage storage = open();
      storage.delete();
      assertThatThrownBy(storage::session)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(storage.name() + ": storage is closed");
      storage.close();
    }

  }

  /** The sessions row. */
  @Nested
  class Sessions {
    @Test
    void aNewStorageHoldsPyrogramsInitialSession() {
      Session session = open().session();
      assertThat(session).isEqualTo(Session.EMPTY);
      assertThat(session.dcId()).isEqualTo(2);
      assertThat(session.date()).isZero();
      assertThat(session.isEmpty()).isTrue();
    }

    @Test
    void everySessionFieldReadsBackAsWritten() {
      Storage storage = open();
      Session session = new Session(4, 611335L, true, new RandomData(1).authKey(), 1234,
          7000000001L,
          true);
      storage.session(session);
      assertThat(storage.session()).isEqualTo(session);
    }

    @Test
    void unknownSessionFieldsReadBackAsNull() {
      Storage storage = open();
      storage.session(fixtureSession());
      Session unknown = new Session(3, null, null, null, 0, null, null);
      storage.session(unknown);
      assertThat(storage.session()).isEqualTo(unknown);
    }

    @Test
    void extremeSessionValuesReadBackExactly() {
      Storage storage = open();
      RandomData data = new RandomData(2);
      for (Session s : List.of(
          new Session(1, (long) Integer.MAX_VALUE, false, data.authKey(), Long.MAX_VALUE,
              Long.MAX_VALUE, false),
          new Session(255, 1L << 31, true, data.authKey(), 0, Long.MIN_VALUE, true),
          new Session(5, Session.MAX_API_ID, false, data.authKey(), 1, -1L, false),
          new Session(2, 0L, true, data.authKey(), 0, 0L, false))) {
        storage.session(s);
        assertThat(storage.session()).isEqualTo(s);
      }
    }

    @Test
    void saveStampsTheDateWithTheClock() {
      Storage storage = open();
      storage.session(fixtureSession());
      clock.set(NOW + 77);
      storage.save();
      assertThat(storage.session()).isEqualTo(fixtureSession().withDate(NOW + 77));
    }

    @Test
    void writingASessionKeepsItsDate() {
      Storage storage = open();
      storage.session(fixtureSession().withDate(42));
      assertThat(storage.session().date()).isEqualTo(42);
    }

  }

  /** Writing peers. */
  @Nested
  class Writes {
    @Test
    void updatePeersStoresEveryFieldStampedWithTheClock() {
      Storage storage = open();
      Peer peer = Peer.of(777000, -5L, PeerType.USER, List.of("alice", "alice_old"), "15550001");
      storage.updatePeers(List.of(peer.withLastUpdateOn(12)));
      assertThat(storage.peer(777000)).contains(peer.withLastUpdateOn(NOW));
    }

    @Test
    void updatePeersReplacesTheWholeEntryLikePyrogramsReplace() {
      Storage storage = open();
      storage.updatePeers(List.of(
          Peer.of(10, 1L, PeerType.USER, List.of("old", "older"), "4470000001")));
      clock.advance(5);
      Peer replacement = Peer.of(10, null, PeerType.BOT, List.of("new"), null);
      storage.updatePeers(List.of(replacement));
      assertThat(storage.peer(10)).contains(replacement.withLastUpdateOn(NOW + 5));
      assertThat(storage.peerCount()).isEqualTo(1);
      assertMiss(() -> storage.peerByUsername("old"), PeerNotFoundException.Reason.USERNAME_NOT_FOUND,
          "old");
      assertMiss(() -> storage.peerByUsername("older"),
          PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "older");
      assertMiss(() -> storage.peerByPhoneNumber("4470000001"),
          PeerNotFoundException.Reason.PHONE_NOT_FOUND, "4470000001");
      assertThat(storage.peerByUsername("new")).isEqualTo(new InputPeer.User(10, 0));
    }

    @Test
    void aReplacementWithAnotherTypeIsAddressedByItsNewType() {
      Storage storage = open();
      long id = PeerIds.markChannel(77);
      storage.updatePeers(List.of(Peer.of(id, null, PeerType.USER, List.of("morph"), null)));
      assertThat(storage.peerById(id)).isEqualTo(new InputPeer.User(id, 0));
      storage.updatePeers(List.of(Peer.of(id, 5L, PeerType.SUPERGROUP, List.of("morph"), null)));
      assertThat(storage.peerById(id)).isEqualTo(new InputPeer.Channel(77, 5));
      assertThat(storage.peerByUsername("morph")).isEqualTo(new InputPeer.Channel(77, 5));
      storage.updatePeers(List.of(Peer.of(id, null, PeerType.GROUP, List.of(), null)));
      assertThat(storage.peerById(id)).isEqualTo(new InputPeer.Chat(PeerIds.chatId(id)));
      assertThat(storage.peer(id).orElseThrow().accessHash()).isNull();
    }

    @Test
    void aPhoneNumberMovesWithItsNewestOwner() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(1, 1L, PeerType.USER, List.of(), "3900")));
      clock.advance(1);
      storage.updatePeers(List.of(Peer.of(2, 2L, PeerType.USER, List.of(), "3900")));
      assertThat(storage.peerByPhoneNumber("3900")).isEqualTo(new InputPeer.User(2, 2));
    }

    @Test
    void theLastEntryForAnIdInOneBatchWins() {
      Storage storage = open();
      storage.updatePeers(List.of(user(10, 1, "first"), user(10, 2, "second")));
      assertThat(storage.peerCount()).isEqualTo(1);
      assertThat(storage.peerById(10)).isEqualTo(new InputPeer.User(10, 2));
      assertThat(storage.peerByUsername("second")).isEqualTo(new InputPeer.User(10, 2));
      assertThat(storage.peer(10).orElseThrow().usernames()).containsExactly("second");
    }

    @Test
    void anEmptyBatchChangesNothing() {
      Storage storage = open();
      storage.updatePeers(List.of());
      storage.restorePeers(List.of());
      assertThat(storage.peerCount()).isZero();
    }

    @Test
    void restorePeersKeepsTheGivenTimestamps() {
      Storage storage = open();
      Peer old = user(20, 3, "restored").withLastUpdateOn(NOW - 100);
      storage.restorePeers(List.of(old));
      assertThat(storage.peer(20)).contains(old);
      storage.updatePeers(List.of(old));
      assertThat(storage.peer(20)).contains(old.withLastUpdateOn(NOW));
    }

    @Test
    void fullSigned64BitIdsAndAccessHashesReadBackExactly() {
      Storage storage = open();
      List<Peer> peers = List.of(
          Peer.of(Long.MAX_VALUE, Long.MIN_VALUE, PeerType.USER, List.of(), null),
          Peer.of(Long.MIN_VALUE, Long.MAX_VALUE, PeerType.CHANNEL, List.of(), null),
          Peer.of(1, -1L, PeerType.BOT, List.of(), null),
          Peer.of(-1, 0L, PeerType.GROUP, List.of(), null),
          Peer.of(PeerIds.markChannel(1), 0L, PeerType.SUPERGROUP, List.of(), null));
      storage.updatePeers(peers);
      for (Peer p : peers) {
        assertThat(storage.peer(p.id())).contains(p.withLastUpdateOn(NOW));
        assertThat(storage.peerById(p.id())).isEqualTo(p.toInputPeer());
      }
    }

  }

  /** Reading peers back. */
  @Nested
  class Lookups {
    @ParameterizedTest
    @EnumSource(PeerType.class)
    void peerByIdAnswersTheInputPeerOfEveryType(PeerType type) {
      Storage storage = open();
      long id = switch (type) {
        case USER, BOT -> 5_000_000_001L;
        case GROUP -> PeerIds.markChat(4242);
        case CHANNEL, SUPERGROUP -> PeerIds.markChannel(2_000_000_123L);
      };
      long hash = type == PeerType.GROUP ? 0 : -8_000_000_000_000_000_001L;
      storage.updatePeers(List.of(Peer.of(id, hash, type, List.of("x"), null)));
      InputPeer expected = switch (type) {
        case USER, BOT -> new InputPeer.User(5_000_000_001L, hash);
        case GROUP -> new InputPeer.Chat(4242);
        case CHANNEL, SUPERGROUP -> new InputPeer.Channel(2_000_000_123L, hash);
      };
      assertThat(storage.peerById(id)).isEqualTo(expected);
      assertThat(storage.peerByUsername("x")).isEqualTo(expected);
    }

    @Test
    void aUserLookupSerialisesToTheKnownTlBytes() {
      Storage storage = open();
      storage.updatePeers(List.of(
          Peer.of(111111111, 1234567890123456789L, PeerType.USER, List.of("known"), "15551234")));
      String hex = "4ca5e8ddc76b9f06000000001581e97df4102211";
      assertThat(HexFormat.of().formatHex(storage.peerById(111111111).toTl())).isEqualTo(hex);
      assertThat(HexFormat.of().formatHex(storage.peerByUsername("known").toTl())).isEqualTo(hex);
      assertThat(HexFormat.of().formatHex(storage.peerByPhoneNumber("15551234").toTl()))
          .isEqualTo(hex);
    }

    @Test
    void aPeerWithoutAccessHashIsAddressedWithHashZero() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(12, null, PeerType.USER, List.of(), null)));
      assertThat(storage.peerById(12)).isEqualTo(new InputPeer.User(12, 0));
      assertThat(storage.peer(12).orElseThrow().accessHash()).isNull();
    }

    @Test
    void everyUsernameOfAPeerResolves() {
      Storage storage = open();
      storage.updatePeers(List.of(user(40, 41, "primary", "second", "collectible")));
      for (String name : List.of("primary", "second", "collectible")) {
        assertThat(storage.peerByUsername(name)).isEqualTo(new InputPeer.User(40, 41));
      }
    }

    @Test
    void usernamesMatchExactlyAndCaseSensitively() {
      Storage storage = open();
      storage.updatePeers(List.of(user(50, 51, "alice")));
      assertMiss(() -> storage.peerByUsername("Alice"),
          PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "Alice");
      assertMiss(() -> storage.peerByUsername("alic"),
          PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "alic");
    }

    @Test
    void theNewestEntryWinsAUsernameTwoPeersClaim() {
      Storage storage = open();
      storage.updatePeers(List.of(user(60, 61, "shared", "only60")));
      clock.advance(10);
      storage.updatePeers(List.of(user(70, 71, "shared")));
      assertThat(storage.peerByUsername("shared")).isEqualTo(new InputPeer.User(70, 71));
      assertThat(storage.peerByUsername("only60")).isEqualTo(new InputPeer.User(60, 61));
      clock.advance(10);
      storage.updatePeers(List.of(user(60, 62, "shared")));
      assertThat(storage.peerByUsername("shared")).isEqualTo(new InputPeer.User(60, 62));
    }

    @Test
    void theLaterPeerOfOneBatchWinsASharedUsername() {
      Storage storage = open();
      storage.updatePeers(List.of(user(80, 1, "same"), user(81, 2, "same")));
      assertThat(storage.peerByUsername("same")).isEqualTo(new InputPeer.User(81, 2));
    }

    @Test
    void whenTheWinnerOfAUsernameDropsItTheNextNewestHolderWins() {
      Storage storage = open();
      storage.updatePeers(List.of(user(82, 1, "kept")));
      clock.advance(1);
      storage.updatePeers(List.of(user(83, 2, "kept")));
      clock.advance(1);
      storage.updatePeers(List.of(user(83, 2, "elsewhere")));
      assertThat(storage.peerByUsername("kept")).isEqualTo(new InputPeer.User(82, 1));
      storage.updatePeers(List.of(user(84, 3, "brief"), user(85, 4, "brief"),
          user(85, 4, "later")));
      assertThat(storage.peerByUsername("brief")).isEqualTo(new InputPeer.User(84, 3));
      storage.updatePeers(List.of(user(84, 3)));
      assertMiss(() -> storage.peerByUsername("brief"),
          PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "brief");
    }

    @Test
    void aRestoredEntryOlderThanTheWinnerDoesNotTakeItsUsernameOrPhone() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(86, 1L, PeerType.USER, List.of("held"), "4415550086")));
      storage.restorePeers(List.of(new Peer(87, 2L, PeerType.USER, List.of("held"),
          "4415550086", NOW - 10)));
      assertThat(storage.peerByUsername("held")).isEqualTo(new InputPeer.User(86, 1));
      assertThat(storage.peerByPhoneNumber("4415550086")).isEqualTo(new InputPeer.User(86, 1));
      storage.updatePeers(List.of(user(86, 1)));
      assertThat(storage.peerByUsername("held")).isEqualTo(new InputPeer.User(87, 2));
      assertThat(storage.peerByPhoneNumber("4415550086")).isEqualTo(new InputPeer.User(87, 2));
    }

    @Test
    void whenTheNewestHolderOfAPhoneDropsItTheOlderHolderResolves() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(88, 1L, PeerType.USER, List.of(), "4415550088")));
      clock.advance(1);
      storage.updatePeers(List.of(Peer.of(89, 2L, PeerType.USER, List.of(), "4415550088")));
      assertThat(storage.peerByPhoneNumber("4415550088")).isEqualTo(new InputPeer.User(89, 2));
      storage.updatePeers(List.of(user(89, 2)));
      assertThat(storage.peerByPhoneNumber("4415550088")).isEqualTo(new InputPeer.User(88, 1));
      storage.updatePeers(List.of(user(88, 1)));
      assertMiss(() -> storage.peerByPhoneNumber("4415550088"),
          PeerNotFoundException.Reason.PHONE_NOT_FOUND, "4415550088");
    }

    @Test
    void phoneNumbersResolveToTheirPeer() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(90, 91L, PeerType.USER, List.of(), "447700900123")));
      assertThat(storage.peerByPhoneNumber("447700900123")).isEqualTo(new InputPeer.User(90, 91));
    }

    @Test
    void missesNameTheReasonAndTheKey() {
      Storage storage = open();
      assertMiss(() -> storage.peerById(42), PeerNotFoundException.Reason.ID_NOT_FOUND, "42");
      assertMiss(() -> storage.peerById(-1001234567890L), PeerNotFoundException.Reason.ID_NOT_FOUND,
          "-1001234567890");
      assertMiss(() -> storage.peerByUsername("nobody"),
          PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "nobody");
      assertMiss(() -> storage.peerByPhoneNumber("15550000"),
          PeerNotFoundException.Reason.PHONE_NOT_FOUND, "15550000");
      assertThat(storage.peer(42)).isEmpty();
    }

    @Test
    void missMessagesFollowPyrogramsWording() {
      Storage storage = open();
      assertThatThrownBy(() -> storage.peerById(42)).hasMessage("ID not found: 42");
      assertThatThrownBy(() -> storage.peerByUsername("bob")).hasMessage("Username not found: bob");
      assertThatThrownBy(() -> storage.peerByPhoneNumber("1")).hasMessage(
          "Phone number not found: 1");
    }
  }

  /** The username TTL. */
  @Nested
  class UsernameTtl {
    @Test
    void aUsernameExactlyTtlOldStillResolves() {
      Storage storage = open();
      storage.updatePeers(List.of(user(100, 101, "fresh")));
      clock.advance(TTL);
      assertThat(storage.peerByUsername("fresh")).isEqualTo(new InputPeer.User(100, 101));
    }

    @Test
    void aUsernameOlderThanTtlIsExpired() {
      Storage storage = open();
      storage.updatePeers(List.of(user(100, 101, "stale", "stale2")));
      clock.advance(TTL + 1);
      assertMiss(() -> storage.peerByUsername("stale"),
          PeerNotFoundException.Reason.USERNAME_EXPIRED, "stale");
      assertThatThrownBy(() -> storage.peerByUsername("stale2"))
          .hasMessage("Username expired: stale2");
      assertThat(storage.peerById(100)).isEqualTo(new InputPeer.User(100, 101));
    }

    @Test
    void rewritingAPeerRenewsItsUsernames() {
      Storage storage = open();
      storage.updatePeers(List.of(user(100, 101, "renewed")));
      clock.advance(TTL + 1);
      storage.updatePeers(List.of(user(100, 101, "renewed")));
      assertThat(storage.peerByUsername("renewed")).isEqualTo(new InputPeer.User(100, 101));
    }

    @Test
    void anEntryFromTheFutureBeyondTtlIsExpiredToo() {
      Storage storage = open();
      storage.restorePeers(List.of(
          user(110, 1, "ahead").withLastUpdateOn(NOW + TTL),
          user(111, 2, "far_ahead").withLastUpdateOn(NOW + TTL + 1)));
      assertThat(storage.peerByUsername("ahead")).isEqualTo(new InputPeer.User(110, 1));
      assertMiss(() -> storage.peerByUsername("far_ahead"),
          PeerNotFoundException.Reason.USERNAME_EXPIRED, "far_ahead");
    }

    @Test
    void restoredTimestampsCountTowardsTheTtl() {
      Storage storage = open();
      storage.restorePeers(List.of(
          user(120, 1, "edge").withLastUpdateOn(NOW - TTL),
          user(121, 2, "past").withLastUpdateOn(NOW - TTL - 1)));
      assertThat(storage.peerByUsername("edge")).isEqualTo(new InputPeer.User(120, 1));
      assertMiss(() -> storage.peerByUsername("past"),
          PeerNotFoundException.Reason.USERNAME_EXPIRED, "past");
    }

    @Test
    void theConfiguredTtlIsHonoured() {
      Storage storage = open(config().withUsernameTtl(Duration.ofSeconds(60)));
      storage.updatePeers(List.of(user(130, 1, "short")));
      clock.advance(60);
      assertThat(storage.peerByUsername("short")).isEqualTo(new InputPeer.User(130, 1));
      clock.advance(1);
      assertMiss(() -> storage.peerByUsername("short"),
          PeerNotFoundException.Reason.USERNAME_EXPIRED, "short");
    }

    @Test
    void aZeroTtlResolvesOnlyWithinTheSameSecond() {
      Storage storage = open(config().withUsernameTtl(Duration.ZERO));
      storage.updatePeers(List.of(user(140, 1, "instant")));
      assertThat(storage.peerByUsername("instant")).isEqualTo(new InputPeer.User(140, 1));
      clock.advance(1);
      assertMiss(() -> storage.peerByUsername("instant"),
          PeerNotFoundException.Reason.USERNAME_EXPIRED, "instant");
    }

    @Test
    void idAndPhoneLookupsNeverExpire() {
      Storage storage = open();
      storage.updatePeers(List.of(Peer.of(150, 1L, PeerType.USER, List.of("u150"), "150150")));
      clock.advance(TTL * 100);
      assertThat(storage.peerById(150)).isEqualTo(new InputPeer.User(150, 1));
      assertThat(storage.peerByPhoneNumber("150150")).isEqualTo(new InputPeer.User(150, 1));
    }
  }

  /** Enumerating the cache. */
  @Nested
  class Enumeration {
    @Test
    void forEachPeerVisitsEveryPeerInIdOrder() {
      Storage storage = open();
      List<Peer> peers = new RandomData(3).peers(50);
      storage.updatePeers(peers);
      List<Long> seen = new ArrayList<>();
      storage.forEachPeer(p -> seen.add(p.id()));
      assertThat(seen).isEqualTo(peers.stream().map(Peer::id).sorted().toList());
      assertThat(storage.peerCount()).isEqualTo(50);
    }

    @Test
    void peerCountCountsDistinctIds() {
      Storage storage = open();
      assertThat(storage.peerCount()).isZero();
      storage.updatePeers(LongStream.rangeClosed(1, 10).mapToObj(i -> user(i, i)).toList());
      storage.updatePeers(LongStream.rangeClosed(6, 15).mapToObj(i -> user(i, -i)).toList());
      assertThat(storage.peerCount()).isEqualTo(15);
    }

    @Test
    void forEachPeerReportsWhatPeerReports() {
      Storage storage = open();
      storage.updatePeers(new RandomData(4).peers(20));
      storage.forEachPeer(p -> assertThat(storage.peer(p.id())).contains(p));
    }
  }

  /** Update state and channel pts. */
  @Nested
  class Updates {
    @Test
    void aNewStorageHasNoUpdateState() {
      Storage storage = open();
      assertThat(storage.updateState()).isEmpty();
      assertThat(storage.channelPts(1)).isEmpty();
      assertThat(storage.allChannelPts()).isEmpty();
    }

    @Test
    void theUpdateStateReadsBackAsWrittenAndIsReplaced() {
      Storage storage = open();
      storage.updateState(new UpdateState(10, 20, 30, 40));
      assertThat(storage.updateState()).contains(new UpdateState(10, 20, 30, 40));
      UpdateState extreme =
          new UpdateState(Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, -1);
      storage.updateState(extreme);
      assertThat(storage.updateState()).contains(extreme);
    }

    @Test
    void channelPtsAreKeptPerChannel() {
      Storage storage = open();
      storage.channelPts(1_000_000_001L, 5);
      storage.channelPts(2, 7);
      storage.channelPts(2, 8);
      storage.channelPts(Long.MAX_VALUE, Integer.MAX_VALUE);
      assertThat(storage.channelPts(1_000_000_001L)).isEqualTo(OptionalInt.of(5));
      assertThat(storage.channelPts(2)).isEqualTo(OptionalInt.of(8));
      assertThat(storage.channelPts(3)).isEmpty();
      assertThat(storage.allChannelPts()).containsExactlyInAnyOrderEntriesOf(
          Map.of(1_000_000_001L, 5, 2L, 8, Long.MAX_VALUE, Integer.MAX_VALUE));
    }

  }

  /** Exporting and revoking. */
  @Nested
  class Export {
    @Test
    void exportWritesPyrogramsStringByteForByte() {
      Storage storage = open();
      storage.session(fixtureSession().withDate(NOW));
      assertThat(storage.exportSessionString()).isEqualTo(FIXTURE_STRING);
    }

    @Test
    void unknownTestModeAndIsBotAreExportedAsFalse() {
      Storage storage = open();
      storage.session(fixtureSession().withTestMode(null).withIsBot(null));
      assertThat(storage.exportSessionString()).isEqualTo(FIXTURE_STRING);
    }

    @Test
    void exportOfAFreshSessionNamesTheMissingField() {
      Storage storage = open();
      assertThatThrownBy(storage::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot export a session string")
          .hasMessageContaining("api_id");
    }

    @Test
    void exportWithoutApiIdSaysApiIdIsUnknown() {
      Storage storage = open();
      storage.session(fixtureSession().withApiId(null));
      assertThatThrownBy(storage::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("api_id is unknown");
    }

    @Test
    void exportWithoutUserIdSaysUserIdIsUnknown() {
      Storage storage = open();
      storage.session(fixtureSession().withUserId(null));
      assertThatThrownBy(storage::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("user_id is unknown");
    }

    @Test
    void exportWithoutAuthKeySaysTheKeyIsUnknown() {
      Storage storage = open();
      storage.session(fixtureSession().withAuthKey(null));
      assertThatThrownBy(storage::exportSessionString)
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("auth_key is unknown");
    }

    @Test
    void aRevokedKeyRefusesToExportAndTheMessageHoldsNoSecret() {
      Storage storage = open();
      storage.session(fixtureSession());
      assertThat(storage.keyRevocation()).isEmpty();
      storage.revokeKey("AUTH_KEY_UNREGISTERED");
      assertThat(storage.keyRevocation()).hasValueSatisfying(
          r -> assertThat(r).contains("AUTH_KEY_UNREGISTERED"));
      StorageException e = catchThrowableOfType(StorageException.class,
          storage::exportSessionString);
      assertThat(e).hasMessageContaining("revoked").hasMessageContaining("AUTH_KEY_UNREGISTERED");
      assertThat(e.getMessage()).doesNotContain(FIXTURE_STRING.substring(0, 40))
          .doesNotContainIgnoringCase(FIXTURE_KEY_HEX.substring(0, 16));
      assertThat(storage.session()).isEqualTo(fixtureSession());
    }

  }

  /** Keys of DCs other than the home DC, beside the session. */
  @Nested
  class OtherDcKeys {
    private DcKey key(int dc, int fill, boolean authorized) {
      byte[] bytes = new byte[AuthKey.LENGTH];
      java.util.Arrays.fill(bytes, (byte) fill);
      bytes[0] = (byte) dc;
      return new DcKey(dc, AuthKey.of(bytes), authorized);
    }

    @Test
    void aNewStorageHoldsNoKeysOfOtherDcs() {
      assertThat(open().dcKeys()).isEmpty();
    }

    @Test
    void keysComeBackByDcIdAndALaterKeyOfOneDcReplacesTheEarlier() {
      Storage storage = open();
      storage.session(fixtureSession());
      storage.dcKey(key(4, 1, true));
      storage.dcKey(key(1, 2, false));
      storage.dcKey(key(4, 3, false));
      assertThat(storage.dcKeys()).containsExactly(key(1, 2, false), key(4, 3, false));
      assertThat(storage.session()).isEqualTo(fixtureSession());
    }

    @Test
    void theAuthorizedFlagIsKeptAsWritten() {
      Storage storage = open();
      storage.dcKey(key(5, 7, false));
      storage.dcKey(key(5, 7, false).withAuthorized(true));
      assertThat(storage.dcKeys()).containsExactly(key(5, 7, true));
    }

    @Test
    void aRemovedKeyIsGoneAndRemovingAnAbsentOneIsQuiet() {
      Storage storage = open();
      storage.dcKey(key(3, 1, true));
      storage.dcKey(key(5, 2, true));
      storage.removeDcKey(3);
      storage.removeDcKey(1);
      assertThat(storage.dcKeys()).containsExactly(key(5, 2, true));
    }

    @Test
    void storageCopyCarriesTheKeysAndTheirFlags() {
      Storage storage = open();
      storage.session(fixtureSession());
      storage.dcKey(key(4, 9, true));
      storage.dcKey(key(2, 8, false));
      Storage copy = Storage.memory();
      copy.open();
      try {
        StorageCopy.copy(storage, copy);
        assertThat(copy.dcKeys()).containsExactly(key(2, 8, false), key(4, 9, true));
      } finally {
        copy.close();
      }
    }

    @Test
    void aKeyOfAnotherDcShowsItsIdButNeverItsBytes() {
      DcKey k = key(4, 0x5a, true);
      assertThat(k.toString()).contains("dc 4").contains(k.authKey().idHex())
          .doesNotContainIgnoringCase("5a5a5a5a");
      assertThatThrownBy(() -> new DcKey(0, k.authKey(), true))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dcId");
    }
  }

  /** Seeded random round trips. */
  @Nested
  class RoundTrips {
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.jgram.storage.StorageContractTest#seeds")
    void randomPeersReadBackExactlyThroughEveryLookup(long seed) {
      RandomData data = new RandomData(seed);
      List<Peer> peers = data.peers(1 + data.random().nextInt(20));
      Storage storage = open();
      storage.updatePeers(peers);
      assertPeersReadBack(storage, peers);
      reopenIfPersistent(storage).ifPresent(again -> assertPeersReadBack(again, peers));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.jgram.storage.StorageContractTest#seeds")
    void randomSessionsReadBackExactly(long seed) {
      Session session = new RandomData(seed).session();
      Storage storage = open();
      storage.session(session);
      assertThat(storage.session()).isEqualTo(session);
      reopenIfPersistent(storage).ifPresent(
          again -> assertThat(again.session()).isEqualTo(session));
    }
  }

  /** Closes {@code storage} and, if the engine persists, opens its backing store again. */
  private Optional<Storage> reopenIfPersistent(Storage storage) {
    storage.close();
    Optional<Storage> again = reopen(config());
    again.ifPresent(s -> {
      opened.add(s);
      s.open();
    });
    return again;
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  private static void assertPeersReadBack(Storage storage, List<Peer> peers) {
    assertThat(storage.peerCount()).isEqualTo(peers.size());
    for (Peer p : peers) {
      assertThat(storage.peer(p.id())).contains(p.withLastUpdateOn(NOW));
      assertThat(storage.peerById(p.id())).isEqualTo(p.toInputPeer());
      for (String username : p.usernames()) {
        assertThat(storage.peerByUsername(username)).isEqualTo(p.toInputPeer());
      }
      if (p.phoneNumber() != null) {
        assertThat(storage.peerByPhoneNumber(p.phoneNumber())).isEqualTo(p.toInputPeer());
      }
    }
  }

  /** Asserts that {@code lookup} misses with {@code reason} and {@code key}. */
  protected static void assertMiss(Runnable lookup, PeerNotFoundException.Reason reason,
      String key) {
    PeerNotFoundException e = catchThrowableOfType(PeerNotFoundException.class, lookup::run);
    assertThat(e).as("expected a %s miss for %s", reason, key).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.key()).isEqualTo(key);
  }
}
