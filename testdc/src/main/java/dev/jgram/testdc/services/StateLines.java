package dev.jgram.testdc.services;

import dev.jgram.mtproto.srp.SrpAlgorithm;
import dev.jgram.mtproto.srp.SrpVerifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The journal lines of {@link ClusterState}'s records, both ways (layout in {@link Journal}). */
final class StateLines {
  private static final HexFormat HEX = HexFormat.of();

  private StateLines() {}

  static List<String> account(Account a) {
    SrpAlgorithm algo = a.password() == null ? null : a.password().algorithm();
    return lineOf("account", a.id(), a.bot(), a.phone(), a.firstName(), a.lastName(),
        a.username(), a.homeDc(), a.botSecret(), algo == null ? null : algo.salt1(),
        algo == null ? null : algo.salt2(), algo == null ? null : algo.g(),
        algo == null ? null : algo.p(), algo == null ? null : a.password().v());
  }

  static Account account(List<String> f) {
    SrpVerifier pw = f.get(9) == null ? null : SrpVerifier.of(new SrpAlgorithm(
        HEX.parseHex(f.get(9)), HEX.parseHex(f.get(10)), Integer.parseInt(f.get(11)),
        HEX.parseHex(f.get(12))), HEX.parseHex(f.get(13)));
    return new Account(Long.parseLong(f.get(1)), "1".equals(f.get(2)), f.get(3), f.get(4),
        f.get(5), f.get(6), Integer.parseInt(f.get(7)), f.get(8), pw);
  }

  static BoxMessage boxMessage(List<String> f) {
    return new BoxMessage(Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)),
        Long.parseLong(f.get(4)), "1".equals(f.get(5)), Integer.parseInt(f.get(6)),
        Integer.parseInt(f.get(7)), f.get(8));
  }

  static List<String> boxMessage(long owner, BoxMessage m) {
    return lineOf("msg", owner, m.id(), m.peerId(), m.fromId(), m.out(), m.date(), m.pts(),
        m.text());
  }

  static Channel channel(List<String> f) {
    return new Channel(Long.parseLong(f.get(1)), f.get(2), f.get(3), "1".equals(f.get(4)),
        Long.parseLong(f.get(5)), Integer.parseInt(f.get(6)));
  }

  static List<String> channel(Channel c) {
    return lineOf("channel", c.id(), c.title(), c.username(), c.broadcast(), c.creatorId(),
        c.date());
  }

  static ChannelMessage channelMessage(List<String> f) {
    return new ChannelMessage(Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)),
        Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5)), f.get(6));
  }

  static List<String> channelMessage(long channelId, ChannelMessage m) {
    return lineOf("cmsg", channelId, m.id(), m.fromId(), m.date(), m.pts(), m.text());
  }

  static List<List<String>> snapshot(byte[] secret, Collection<Account> accounts,
      Map<Long, Authorization> auths, Set<Long> revoked, Map<Long, Box> boxes,
      Collection<Channel> channels) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(lineOf("secret", secret));
    accounts.forEach(a -> lines.add(account(a)));
    auths.forEach((key, a) -> lines.add(lineOf("auth", key, a.userId(), a.dcId(), a.imported(),
        a.date())));
    revoked.forEach(key -> lines.add(lineOf("revoke", key)));
    boxes.forEach((owner, box) -> {
      box.messages().forEach(m -> lines.add(boxMessage(owner, m)));
      if (box.seq() != 0) {
        lines.add(lineOf("seq", owner, box.seq(), box.date()));
      }
    });
    for (Channel c : channels) {
      lines.add(channel(c));
      c.members().forEach(user -> lines.add(lineOf("member", c.id(), user)));
      c.messages().forEach(m -> lines.add(channelMessage(c.id(), m)));
    }
    return lines;
  }

  /** A line of fields as {@link ClusterState#commit} spells them. */
  static List<String> lineOf(Object... fields) {
    List<String> line = new ArrayList<>(fields.length);
    for (Object field : fields) {
      line.add(field == null ? null : field instanceof byte[] b ? HEX.formatHex(b)
          : field instanceof Boolean flag ? (flag ? "1" : "0") : field.toString());
    }
    return line;
  }
}
