package dev.jgram.net;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackDc.Answer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback DCs that know one bot by its token, as Telegram's bot path does: an unbound key gets
 * {@code 401 AUTH_KEY_UNREGISTERED}, {@code auth.importBotAuthorization} binds the key (or
 * answers {@code 303 USER_MIGRATE_X} on a DC that is not the bot's home), {@code users.getUsers}
 * answers the bound bot. Test code only.
 */
public final class LoopbackBots implements AutoCloseable {
  public static final String TOKEN = "7000001:AAE-secret_token";
  public static final long BOT_ID = 7000001L;

  public final Map<Integer, LoopbackDc> dcs = new TreeMap<>();
  public final Map<Long, Long> boundKeys = new ConcurrentHashMap<>();
  public final AtomicInteger logins = new AtomicInteger();
  public volatile int botHome;
  public volatile Answer override;

  public LoopbackBots(int botHome, int... ids) throws IOException {
    this.botHome = botHome;
    for (int id : ids) {
      LoopbackDc dc = new LoopbackDc(id);
      dc.handler = (method, query) -> answer(dc.id, method, query);
      dcs.put(id, dc);
    }
  }

  public LoopbackDc dc(int id) {
    return dcs.get(id);
  }

  public int keyExchanges() {
    return dcs.values().stream().mapToInt(d -> d.keyExchanges.get()).sum();
  }

  private Answer answer(int dc, String method, byte[] query) {
    Answer forced = override;
    if (forced != null) {
      return forced;
    }
    long key = LoopbackDc.CURRENT_KEY.get();
    TlObject q = LoopbackDc.CODEC.decode(query);
    switch (method) {
      case "auth.importBotAuthorization" -> {
        logins.incrementAndGet();
        if (!TOKEN.equals(q.string("bot_auth_token"))) {
          return Answer.error(400, "ACCESS_TOKEN_INVALID");
        }
        if (dc != botHome) {
          return Answer.error(303, "USER_MIGRATE_" + botHome);
        }
        boundKeys.put(key, BOT_ID);
        return Answer.ok(LoopbackDc.CODEC.encode(TlObject.of("auth.authorization",
            "user", bot())));
      }
      case "users.getUsers" -> {
        if (!boundKeys.containsKey(key)) {
          return Answer.error(401, "AUTH_KEY_UNREGISTERED");
        }
        return Answer.ok(LoopbackDc.CODEC.encodeResult("users.getUsers", List.of(bot())));
      }
      default -> {
        return Answer.error(400, "METHOD_INVALID");
      }
    }
  }

  public static TlObject bot() {
    return TlObject.of("user", "self", true, "bot", true, "id", BOT_ID, "access_hash", 42L,
        "first_name", "Loop Bot", "username", "loop_bot", "bot_info_version", 1);
  }

  @Override
  public void close() throws IOException {
    for (LoopbackDc dc : dcs.values()) {
      dc.close();
    }
  }
}
