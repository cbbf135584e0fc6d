package dev.jgram.mtproto.tl;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Recomputes a constructor id: the CRC32 of its declaration normalised as Telegram does.
 *
 * <ol>
 *   <li>drop the {@code #id} and the trailing {@code ;}
 *   <li>drop {@code flags.N?true} parameters (they exist only as a bit)
 *   <li>write {@code bytes} as {@code string}; {@code <} as a space; drop {@code >}, {@code {}
 *       and {@code }}
 *   <li>collapse runs of whitespace into one space
 * </ol>
 *
 * <p>So {@code users.getUsers#0d91a548 id:Vector<InputUser> = Vector<User>} becomes
 * {@code users.getUsers id:Vector InputUser = Vector User}, whose CRC32 is 0x0d91a548.
 */
final class ConstructorIds {
  private ConstructorIds() {}

  static int compute(String nameAndRest) {
    CRC32 crc = new CRC32();
    crc.update(normalize(nameAndRest).getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /** @param declaration the declaration without its {@code #id} and without {@code ;} */
  static String normalize(String declaration) {
    String text = " " + declaration + " ";
    text = text.replaceAll(" \\w+:flags\\d*\\.\\d+\\?true(?= )", " ");
    text = text.replace(":bytes ", ":string ").replace("?bytes ", "?string ");
    text = text.replace("<", " ").replace(">", "").replace("{", "").replace("}", "");
    return text.replaceAll("\\s+", " ").strip();
  }
}
