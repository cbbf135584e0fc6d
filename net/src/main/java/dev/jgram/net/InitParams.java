package dev.jgram.net;

/**
 * What {@code initConnection} tells the server about the application, sent around the first
 * query of every new connection.
 *
 * @param apiId the application's api_id
 * @param deviceModel e.g. "jgram"
 * @param systemVersion e.g. the OS name and version
 * @param appVersion the application's version
 * @param systemLangCode e.g. "en"
 * @param langPack the language pack, usually ""
 * @param langCode e.g. "en"
 */
public record InitParams(int apiId, String deviceModel, String systemVersion, String appVersion,
    String systemLangCode, String langPack, String langCode) {

  /** Checks every text is present. */
  public InitParams {
    for (String s : new String[] {deviceModel, systemVersion, appVersion, systemLangCode,
        langPack, langCode}) {
      if (s == null) {
        throw new IllegalArgumentException("initConnection texts must not be null");
      }
    }
  }

  /** jgram's defaults for {@code apiId}: device "jgram", this OS, English. */
  public static InitParams of(int apiId) {
    return new InitParams(apiId, "jgram",
        System.getProperty("os.name", "?") + " " + System.getProperty("os.version", ""),
        "0.1.0", "en", "", "en");
  }

  /** The same parameters with another api_id. */
  public InitParams withApiId(int apiId) {
    return new InitParams(apiId, deviceModel, systemVersion, appVersion, systemLangCode,
        langPack, langCode);
  }
}
