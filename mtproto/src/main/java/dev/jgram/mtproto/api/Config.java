package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * The parts of {@code config} (the answer to help.getConfig) that jgram reads.
 *
 * @param date when the config was issued, unix seconds
 * @param expires when it should be fetched again, unix seconds
 * @param testMode whether these are test DCs
 * @param thisDc the DC that answered
 * @param dcOptions every DC endpoint
 */
public record Config(int date, int expires, boolean testMode, int thisDc,
    List<DcOption> dcOptions) {

  /** Copies the option list. */
  public Config {
    dcOptions = List.copyOf(dcOptions);
  }

  /** Reads a decoded {@code config}. */
  public static Config from(TlObject object) {
    Views.require(object, "config");
    return new Config(object.intValue("date"), object.intValue("expires"),
        object.flag("test_mode"), object.intValue("this_dc"),
        object.<TlObject>list("dc_options").stream().map(DcOption::from).toList());
  }
}
