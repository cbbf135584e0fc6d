package dev.jgram.mtproto.tl;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TlWriterReaderTest {

  // samples-auth_key: pq, p and q as TL strings
  @Test
  void shortBytesTakeOneLengthByteAndPadToFour() {
    assertThat(hex(new TlWriter().writeBytes(hex("256595EDB7766797")).toByteArray()))
        .isEqualTo("08256595edb7766797000000");
    assertThat(hex(new TlWriter().writeBytes(hex("5A300D4B")).toByteArray()))
        .isEqualTo("045a300d4b000000");
  }

  // samples-auth_key: dh_prime and g_b are 256 bytes, written fe 00 01 00 + data
  @Test
  void longBytesTakeFeAndThreeLengthBytes() {
    byte[] encoded = new TlWriter().writeBytes(new byte[256]).toByteArray();
    assertThat(hex(Arrays.copyOf(encoded, 4))).isEqualTo("fe000100");
    assertThat(encoded).hasSize(260);
    assertThat(new TlWriter().writeBytes(new byte[254]).toByteArray()).hasSize(260);
    assertThat(new TlWriter().writeBytes(new byte[253]).toByteArray()).hasSize(256);
  }

  @Test
  void emptyBytesAreFourZeroBytes() {
    assertThat(hex(new TlWriter().writeBytes(new byte[0]).toByteArray())).isEqualTo("00000000");
  }

  @Test
  void numbersAreLittleEndian() {
    TlWriter writer = new TlWriter().writeInt(0x05162463).writeLong(0x65C53D50000672D4L)
        .writeDouble(1.0).writeBool(true).writeBool(false).writeVectorHeader(3);
    assertThat(hex(writer.toByteArray())).isEqualTo("63241605" + "d4720600503dc565"
        + "000000000000f03f" + "b5757299" + "379779bc" + "15c4b51c03000000");
  }

  @Test
  void stringsAreUtf8Bytes() {
    byte[] encoded = new TlWriter().writeString("привет").toByteArray();
    assertThat(hex(encoded)).isEqualTo("0cd0bfd180d0b8d0b2d0b5d182000000");
    assertThat(new TlReader(encoded).readString()).isEqualTo("привет");
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 300).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPrimitiveReadsBackWhatWasWritten(int seed) {
    Random random = new Random(seed);
    byte[] bytes = new byte[random.nextInt(seed % 3 == 0 ? 2000 : 300)];
    random.nextBytes(bytes);
    byte[] int128 = new byte[16];
    byte[] int256 = new byte[32];
    random.nextBytes(int128);
    random.nextBytes(int256);
    int i = random.nextInt();
    long l = random.nextLong();
    double d = random.nextDouble();
    TlWriter writer = new TlWriter().writeInt(i).writeBytes(bytes).writeLong(l)
        .writeInt128(int128).writeDouble(d).writeInt256(int256).writeBool(seed % 2 == 0);
    assertThat(writer.size() % 4).isZero();
    TlReader reader = new TlReader(writer.toByteArray());
    assertThat(reader.readInt()).isEqualTo(i);
    assertThat(reader.readBytes()).isEqualTo(bytes);
    assertThat(reader.readLong()).isEqualTo(l);
    assertThat(reader.readInt128()).isEqualTo(int128);
    assertThat(reader.readDouble()).isEqualTo(d);
    assertThat(reader.readInt256()).isEqualTo(int256);
    assertThat(reader.readBool()).isEqualTo(seed % 2 == 0);
    assertThat(reader.remaining()).isZero();
  }

  @Test
  void truncatedBytesNameOffsetAndShortfall() {
    assertThatThrownBy(() -> new TlReader(hex("08256595")).readBytes())
        .isInstanceOf(TlException.class)
        .hasMessage("truncated TL data: bytes of length 8 at offset 1 needs 8 bytes, 3 left");
  }

  @Test
  void unknownBoolIdIsRejected() {
    assertThatThrownBy(() -> new TlReader(hex("63241605")).readBool())
        .hasMessage("Bool at offset 0 has id 05162463;"
            + " expected boolTrue 997275b5 or boolFalse bc799737");
  }

  @Test
  void vectorCountLargerThanTheDataIsRejected() {
    assertThatThrownBy(() -> new TlReader(hex("15c4b51cffffff7f")).readVectorHeader())
        .hasMessage("vector at offset 4 claims 2147483647 elements with 0 bytes left");
  }
}
