package dev.jgram.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.UserSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code jgram testdc} tells its user once every DC listens: addresses, the RSA public
 * key, its fingerprint in both spellings clients use, and the layers answered.
 *
 * @param dcs where each DC listens
 * @param publicKeyPem the PKCS#1 PEM of the cluster's key
 * @param fingerprint the key fingerprint as a little-endian int64
 * @param layers the layers answered
 */
record ClusterFacts(List<DcAddress> dcs, String publicKeyPem, long fingerprint,
    List<Integer> layers) {

  static ClusterFacts of(TestCluster cluster) {
    return new ClusterFacts(cluster.dcs(), cluster.publicKeyPem(), cluster.fingerprint(),
        cluster.layers());
  }

  /** The fingerprint's 8 bytes as sent on the wire, in hex. */
  String fingerprintWireHex() {
    StringBuilder out = new StringBuilder(16);
    for (int i = 0; i < 8; i++) {
      out.append(String.format("%02x", (fingerprint >>> (8 * i)) & 0xFF));
    }
    return out.toString();
  }

  /** The one line {@code --json} prints. */
  String jsonLine() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("dcs", dcs.stream().map(dc -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", dc.id());
      entry.put("host", dc.host());
      entry.put("port", dc.port());
      return entry;
    }).toList());
    line.put("rsa_public_key_pem", publicKeyPem);
    line.put("fingerprint", fingerprintWireHex());
    line.put("fingerprint_signed", Long.toString(fingerprint));
    line.put("layers", layers);
    try {
      return Json.mapper().writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cluster facts cannot be written as JSON", e);
    }
  }

  /** The same facts for a person, with how to point a client at the cluster. */
  void printText(PrintWriter out, List<BotSpec> bots, List<UserSpec> users, String code) {
    out.println("testdc: a local Telegram test cluster is listening");
    for (DcAddress dc : dcs) {
      out.printf("  DC %d  %s:%d%n", dc.id(), dc.host(), dc.port());
    }
    out.println("layers: " + layers);
    out.println("RSA key fingerprint: " + fingerprintWireHex() + " (wire bytes), "
        + fingerprint + " (signed int64, as GramJS and Pyrogram key it)");
    out.print(publicKeyPem.endsWith("\n") ? publicKeyPem : publicKeyPem + "\n");
    int defaultDc = dcs.get(0).id();
    for (BotSpec bot : bots) {
      out.println("bot: " + bot.token() + " (@" + bot.effectiveUsername() + ", DC "
          + (bot.homeDc() == 0 ? defaultDc : bot.homeDc()) + ")");
    }
    for (UserSpec user : users) {
      String phone = user.phone().startsWith("+") ? user.phone() : "+" + user.phone();
      out.println("user: " + phone + " (DC "
          + (user.homeDc() == 0 ? defaultDc : user.homeDc())
          + (user.password() == null ? "" : ", with a 2FA password") + ")");
    }
    if (!users.isEmpty()) {
      out.println(code == null ? "login codes: 5 random digits per auth.sendCode"
          : "login code: " + code + " for every phone");
    }
    out.println("Point a client at one DC's host and port with this public key (and its"
        + " fingerprint); help.getConfig lists every DC. Stop with Ctrl-C.");
  }
}
