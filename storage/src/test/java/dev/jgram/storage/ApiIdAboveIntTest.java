package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jgram issue 20: Pyrogram's api_id is an unsigned 32-bit number. Files Pyrogram 2.0.106's
 * storage code wrote with api_id 2<sup>31</sup> and 2<sup>32</sup>-1 read as those numbers,
 * through the engine, detection and the string codec, and stay those numbers when jgram writes.
 */
class ApiIdAboveIntTest {
  @TempDir Path dir;

  /** One file of {@code api-id-fixtures.json}: its name, the api_id and Pyrogram's export. */
  record WrittenByPyrogram(String file, long apiId, String exported) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<WrittenByPyrogram> files() {
    List<WrittenByPyrogram> out = new ArrayList<>();
    for (JsonNode f : Fixtures.json("api-id-fixtures.json").get("files")) {
      out.add(new WrittenByPyrogram(f.get("file").asText(),
          f.get("session").get("api_id").asLong(), f.get("export_session_string").asText()));
    }
    return out.stream();
  }

  @Test
  void theFixturesHoldTheSignedBoundaryAndTheLargestValue() {
    assertThat(files().map(WrittenByPyrogram::apiId)).containsExactly(2147483648L, 4294967295L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theEngineReadsTheApiIdPyrogramWroteAndExportsPyrogramsString(WrittenByPyrogram f) {
    Path file = Fixtures.copy(f.file(), dir);
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session().apiId()).isEqualTo(f.apiId());
      assertThat(s.exportSessionString()).isEqualTo(f.exported());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void detectionReadsTheSameApiId(WrittenByPyrogram f) {
    Path file = Fixtures.copy(f.file(), dir);
    var detected = SessionFormats.detect(file);
    assertThat(detected.format()).isEqualTo(SessionFormat.PYROGRAM_FILE);
    assertThat(detected.session().session().apiId()).isEqualTo(f.apiId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void pyrogramsExportedStringDecodesToTheSameApiId(WrittenByPyrogram f) {
    assertThat(PyrogramSessionString.decode(f.exported()).apiId()).isEqualTo(f.apiId());
    try (Storage s = Storage.fromSessionString(f.exported())) {
      s.open();
      assertThat(s.session().apiId()).isEqualTo(f.apiId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void aSessionJgramWritesKeepsTheColumnAsPyrogramsPositiveInteger(WrittenByPyrogram f)
      throws Exception {
    Path file = Fixtures.copy(f.file(), dir);
    try (Storage s = Storage.file(file)) {
      s.open();
      s.session(s.session().withDcId(4));
    }
    assertThat(SqliteSchemaTest.rows(file, "SELECT api_id, typeof(api_id) FROM sessions"))
        .containsExactly(List.of(f.apiId(), "integer"));
  }

  @Test
  void aSessionRefusesAnApiIdOutsideTheUnsigned32BitRange() {
    assertThatThrownBy(() -> Session.EMPTY.withApiId(-1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("api_id -1 is out of range; expected 0 to 4294967295 (an unsigned 32-bit "
            + "number, as Pyrogram stores it)");
    assertThatThrownBy(() -> Session.EMPTY.withApiId(4294967296L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("api_id 4294967296 is out of range");
    assertThat(Session.EMPTY.withApiId(Session.MAX_API_ID).apiId()).isEqualTo(4294967295L);
  }
}
