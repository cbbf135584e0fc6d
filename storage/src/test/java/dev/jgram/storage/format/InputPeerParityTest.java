package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported peers address each entity exactly as Telethon and GramJS themselves do. */
class InputPeerParityTest {
  @TempDir Path dir;

  @Test
  void telethonEntitiesGiveTheInputPeersTelethonsGetInputEntityGives() throws Exception {
    Map<Long, Peer> peers = byId(TelethonSessionFile.read(
        InteropFixtures.copy("telethon-v7-user.session", dir)));
    JsonNode dump = new ObjectMapper().readTree(
        InteropFixtures.bytes("telethon-v7-user.dump.json"));

    for (JsonNode lookup : dump.path("telethon").path("entity_lookups")) {
      JsonNode expected = lookup.path("get_input_entity(id)");
      assertThat(peers.get(lookup.path("id").asLong()).toInputPeer())
          .isEqualTo(inputPeer(expected.path("_").asText(), expected.path("user_id").asLong(
              expected.path("chat_id").asLong(expected.path("channel_id").asLong())),
              expected.path("access_hash").asLong()));
    }
    assertThat(peers).hasSize(dump.path("telethon").path("entity_lookups").size());
  }

  @Test
  void gramJsEntitiesGiveTheInputPeersGramJsGetInputEntityGives() throws Exception {
    InteropFixtures.untar("gramjs-store-user.tar", dir);
    Map<Long, Peer> peers = byId(GramJsStoreSession.read(dir.resolve("jgram_store")));
    JsonNode readBack = InteropFixtures.artifact("gramjs-store-user").path("read_back")
        .path("gramjs").path("entities");

    for (JsonNode entity : readBack) {
      JsonNode expected = entity.path("getInputEntity");
      assertThat(peers.get(entity.path("id").asLong()).toInputPeer())
          .isEqualTo(inputPeer(expected.path("_").asText(), expected.path("userId").asLong(
              expected.path("chatId").asLong(expected.path("channelId").asLong())),
              expected.path("accessHash").asLong()));
    }
    assertThat(peers).hasSize(readBack.size());
  }

  private static Map<Long, Peer> byId(PortableSession s) {
    return s.peers().stream().collect(Collectors.toMap(Peer::id, Function.identity()));
  }

  private static InputPeer inputPeer(String constructor, long id, long accessHash) {
    return switch (constructor) {
      case "InputPeerUser" -> new InputPeer.User(id, accessHash);
      case "InputPeerChat" -> new InputPeer.Chat(id);
      case "InputPeerChannel" -> new InputPeer.Channel(id, accessHash);
      default -> throw new AssertionError("unexpected constructor " + constructor);
    };
  }
}
