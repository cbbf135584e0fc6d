package dev.jgram.mtproto.tl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints jgram's API subset of one layer from a complete official schema of that layer:
 * the {@link #FUNCTIONS} and {@link #TYPES} below and every constructor of every type they
 * reference, transitively, except that of the {@link #LIMITED} types only the constructors
 * named are kept (their closures would pull in most of the API). Each kept declaration is
 * copied verbatim, line for line, in the official file's order.
 *
 * <p>{@code ShippedLayersTest} runs this over the official schemas in the test resources and
 * requires the shipped {@code api-<layer>.tl} files to equal its output; to regenerate them
 * run {@code java ... ApiSubset <official.tl> <out.tl>}.
 */
final class ApiSubset {
  static final List<String> FUNCTIONS = List.of(
      "invokeAfterMsg", "invokeAfterMsgs", "initConnection", "invokeWithLayer",
      "invokeWithoutUpdates",
      "auth.sendCode", "auth.signUp", "auth.signIn", "auth.logOut", "auth.exportAuthorization",
      "auth.importAuthorization", "auth.bindTempAuthKey", "auth.importBotAuthorization",
      "auth.checkPassword", "auth.resendCode", "auth.cancelCode", "account.getPassword",
      "users.getUsers", "users.getFullUser", "contacts.resolveUsername",
      "messages.getHistory", "messages.sendMessage",
      "updates.getState", "updates.getDifference", "updates.getChannelDifference",
      "help.getConfig", "help.getNearestDc");

  static final List<String> TYPES = List.of("Bool", "True", "Updates", "InputPeer", "User",
      "Chat");

  static final Map<String, List<String>> LIMITED = limits();

  /** Where each shipped layer's official schema comes from, as the file headers say. */
  static final Map<Integer, String> SOURCES = Map.of(
      158, "shipped in Pyrogram 2.0.106 (compiler/api/source/main_api.tl, tag v2.0.106)",
      198, "shipped in the npm package telegram 2.26.22 (tl/apiTl.js)",
      227, "shipped in the npm package @mtcute/core 0.30.3 (tl/api-schema.json, printed as"
          + " .tl by MtcuteSchemaToTl)");

  private ApiSubset() {}

  private static Map<String, List<String>> limits() {
    Map<String, List<String>> limits = new LinkedHashMap<>();
    limits.put("Update", List.of("updateNewMessage", "updateMessageID", "updateDeleteMessages",
        "updateUserStatus", "updateUserName", "updateReadHistoryInbox",
        "updateReadHistoryOutbox", "updateReadMessagesContents", "updateChannelTooLong",
        "updateChannel", "updateNewChannelMessage", "updateReadChannelInbox",
        "updateDeleteChannelMessages", "updateEditChannelMessage", "updateEditMessage",
        "updateDcOptions", "updateConfig", "updatePtsChanged", "updateReadChannelOutbox",
        "updateLoginToken", "updatePinnedMessages", "updatePinnedChannelMessages",
        "updateFolderPeers", "updateNewEncryptedMessage", "updateBotStopped",
        "updateChatParticipant", "updateChannelParticipant"));
    limits.put("MessageAction", List.of("messageActionEmpty", "messageActionChatCreate",
        "messageActionChatEditTitle", "messageActionChatAddUser", "messageActionChatDeleteUser",
        "messageActionChatJoinedByLink", "messageActionChannelCreate",
        "messageActionChatMigrateTo", "messageActionChannelMigrateFrom",
        "messageActionPinMessage", "messageActionHistoryClear"));
    limits.put("MessageMedia", List.of("messageMediaEmpty", "messageMediaPhoto",
        "messageMediaGeo", "messageMediaContact", "messageMediaUnsupported",
        "messageMediaDocument", "messageMediaVenue", "messageMediaDice"));
    return limits;
  }

  public static void main(String[] args) throws IOException {
    String official = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    Files.writeString(Path.of(args[1]), print(official), StandardCharsets.UTF_8);
  }

  /** The subset of {@code official}, with a header naming its source. */
  static String print(String official) {
    TlSchema schema = TlSchema.parse(official);
    String source = SOURCES.get(schema.layer());
    Set<String> kept = closure(schema);
    List<String> types = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    for (String line : official.split("\n")) {
      String name = declaredName(line);
      if (name != null && kept.contains(name)) {
        (schema.byName(name).orElseThrow().function() ? functions : types).add(line.strip());
      }
    }
    StringBuilder out = new StringBuilder(header(schema.layer(), source));
    types.forEach(line -> out.append(line).append('\n'));
    out.append("\n---functions---\n\n");
    functions.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  static Set<String> closure(TlSchema schema) {
    Set<String> kept = new HashSet<>();
    Set<String> seenTypes = new HashSet<>();
    Deque<TlCombinator> work = new ArrayDeque<>();
    for (String name : FUNCTIONS) {
      work.add(schema.byName(name).orElseThrow(() ->
          new IllegalArgumentException("layer " + schema.layer() + " has no " + name)));
    }
    TYPES.forEach(type -> enqueueType(schema, type, seenTypes, work));
    while (!work.isEmpty()) {
      TlCombinator c = work.poll();
      if (!kept.add(c.name())) {
        continue;
      }
      List<TlType> referenced = new ArrayList<>();
      c.params().forEach(p -> referenced.add(p.type()));
      referenced.add(c.resultType());
      for (TlType type : referenced) {
        TlType t = type.isVector() ? type.element() : type;
        if (t.bare()) {
          schema.byName(t.name()).filter(b -> !b.function()).ifPresent(work::add);
        } else {
          enqueueType(schema, t.name(), seenTypes, work);
        }
      }
    }
    return kept;
  }

  private static void enqueueType(TlSchema schema, String type, Set<String> seen,
      Deque<TlCombinator> work) {
    if (!seen.add(type)) {
      return;
    }
    List<String> only = LIMITED.get(type);
    for (TlCombinator c : schema.constructorsOf(type)) {
      if (only == null || only.contains(c.name())) {
        work.add(c);
      }
    }
  }

  static String declaredName(String line) {
    String s = line.strip();
    int hash = s.indexOf('#');
    if (s.isEmpty() || s.startsWith("//") || hash <= 0 || !s.endsWith(";")
        || s.contains("# [")) {
      return null;
    }
    return s.substring(0, hash);
  }

  private static String header(int layer, String source) {
    StringBuilder limited = new StringBuilder();
    LIMITED.forEach((type, names) -> limited.append(comment("- " + type + ": "
        + String.join(", ", names), "//   ")));
    return comment("jgram's API schema at layer " + layer + ": the subset of Telegram's API"
        + " that jgram's client and its test cluster use.", "// ")
        + "//\n"
        + comment("Selection: the functions " + String.join(", ", FUNCTIONS) + "; the types "
            + String.join(", ", TYPES) + "; and every constructor of every type these"
            + " reference, transitively, except for these types, of which only the"
            + " constructors named are kept (those missing at this layer are skipped):", "// ")
        + limited
        + comment("Decoding any other constructor fails with a TlException naming its id.",
            "// ")
        + "//\n"
        + comment("Each declaration is Telegram's own, unchanged, from the layer-" + layer
            + " API schema as " + source + ". The file is printed by ApiSubset"
            + " (mtproto/src/test/java/dev/jgram/mtproto/tl) from that schema, kept in"
            + " mtproto/src/test/resources/vectors/official-api-layer" + layer + ".tl;"
            + " ShippedLayersTest checks that it equals the tool's output, and loading"
            + " checks every id against the CRC32 of its declaration.", "// ")
        + "//\n// LAYER " + layer + "\n\n";
  }

  /** Word-wraps {@code text} into comment lines of at most 96 characters. */
  private static String comment(String text, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder("//");
    for (String word : text.strip().split(" ")) {
      if (line.length() + 1 + word.length() > 96) {
        out.append(line).append('\n');
        line = new StringBuilder(indent.substring(0, indent.length() - 1));
      }
      line.append(' ').append(word);
    }
    return out.append(line).append('\n').toString();
  }
}
