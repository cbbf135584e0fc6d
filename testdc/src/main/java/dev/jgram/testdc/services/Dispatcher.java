package dev.jgram.testdc.services;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers by method name, each marked whether it needs a logged-in key. */
final class Dispatcher {
  private final Map<String, Route> routes = new HashMap<>();

  /**
   * A handler and whether it needs a login.
   *
   * @param needsLogin whether the key must be bound to an account first
   * @param handler the handler
   */
  record Route(boolean needsLogin, Handler handler) {}

  /** Registers a method that works before login. */
  void open(String method, Handler handler) {
    register(method, new Route(false, handler));
  }

  /** Registers a method that needs a logged-in key. */
  void loggedIn(String method, Handler handler) {
    register(method, new Route(true, handler));
  }

  private void register(String method, Route route) {
    if (routes.putIfAbsent(method, route) != null) {
      throw new IllegalStateException(method + " is registered twice");
    }
  }

  Optional<Route> route(String method) {
    return Optional.ofNullable(routes.get(method));
  }

  /**
   * The error message for a method without a handler: {@code INPUT_METHOD_INVALID} (Telegram's
   * text for an unknown method) followed by the method's name in upper snake case, e.g.
   * {@code INPUT_METHOD_INVALID_MESSAGES_GET_DIALOGS}.
   */
  static String notImplemented(String method) {
    StringBuilder name = new StringBuilder("INPUT_METHOD_INVALID_");
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c) && i > 0 && method.charAt(i - 1) != '.') {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString();
  }
}
