package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void eachFigureIsTheMedianOfItsRunsFieldByField() {
    List<Result> merged = Medians.of(List.of(
        List.of(Result.latency("file", 10, "lookup_id", 300, 1.0, 9.0), Result.open("file", 10, 7)),
        List.of(Result.latency("file", 10, "lookup_id", 100, 3.0, 4.0), Result.open("file", 10, 5)),
        List.of(Result.latency("file", 10, "lookup_id", 200, 2.0, 5.0), Result.open("file", 10, 9))));
    assertThat(merged).containsExactly(
        Result.latency("file", 10, "lookup_id", 200, 2.0, 5.0), Result.open("file", 10, 7));
  }

  @Test
  void anEvenNumberOfRunsAveragesTheMiddleTwo() {
    List<Result> merged = Medians.of(List.of(
        List.of(Result.fileSize(10, 80)), List.of(Result.fileSize(10, 90))));
    assertThat(merged.get(0).bytesPerPeer()).isEqualTo(85.0);
    assertThat(merged.get(0).opsPerS()).isNull();
  }

  @Test
  void theFleetsMemoryPerSessionIsTheFirstRunsWhileItsRateIsTheMedian() {
    List<Result> merged = Medians.of(List.of(
        List.of(Result.fleet(1000, 1000, 100, 200_000)),
        List.of(Result.fleet(1000, 1000, 300, 75_000)),
        List.of(Result.fleet(1000, 1000, 200, 72_000))));
    assertThat(merged.get(0).rssBytesPerSession()).isEqualTo(200_000.0);
    assertThat(merged.get(0).opsPerS()).isEqualTo(200.0);
  }

  @Test
  void runsThatMeasuredDifferentScenariosAreRefused() {
    assertThatThrownBy(() -> Medians.of(List.of(
        List.of(Result.fileSize(10, 80)), List.of(Result.open("file", 10, 1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not line up");
  }
}
