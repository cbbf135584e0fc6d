package dev.jgram.mtproto.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Full framing: length, sequence number and CRC32, each 4 bytes little-endian.
 *
 * <pre>
 * | bytes | field                                               |
 * |-------|-----------------------------------------------------|
 * | 4     | length = payload + 12                               |
 * | 4     | seqno, 0 for the first frame in each direction      |
 * | n     | payload                                             |
 * | 4     | CRC32 of length + seqno + payload                   |
 * </pre>
 */
final class FullFraming implements Framing {
  private int sendSeqNo;
  private int receiveSeqNo;

  @Override
  public void write(OutputStream out, byte[] payload) throws IOException {
    StreamIo.requireMultipleOfFour(payload);
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 12);
    frame.write(StreamIo.intLe(payload.length + 12));
    frame.write(StreamIo.intLe(sendSeqNo++));
    frame.write(payload);
    CRC32 crc = new CRC32();
    crc.update(frame.toByteArray());
    frame.write(StreamIo.intLe((int) crc.getValue()));
    frame.writeTo(out);
    out.flush();
  }

  @Override
  public byte[] read(InputStream in) throws IOException {
    byte[] head = StreamIo.readExactly(in, 8);
    int length = StreamIo.intLe(head, 0);
    if (length < 12) {
      throw new TransportException("full frame length " + length + "; expected at least 12");
    }
    StreamIo.checkLength(length, "full");
    int seqNo = StreamIo.intLe(head, 4);
    byte[] payload = StreamIo.readExactly(in, length - 12);
    int sentCrc = StreamIo.readIntLe(in);
    CRC32 crc = new CRC32();
    crc.update(head);
    crc.update(payload);
    if ((int) crc.getValue() != sentCrc) {
      throw new TransportException(String.format(
          "full frame CRC32 is %08x; expected %08x", sentCrc, (int) crc.getValue()));
    }
    if (seqNo != receiveSeqNo) {
      throw new TransportException("full frame seqno " + seqNo + "; expected " + receiveSeqNo);
    }
    receiveSeqNo++;
    return Framing.checkError(payload);
  }
}
