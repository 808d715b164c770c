package dev.promoter.cli;

/**
 * Who a command that talks to the registry directly acts as: the operating-system user, marked
 * {@code local:} so the audit tells it apart from a signed-in user of the same name.
 */
final class LocalActor {
  private LocalActor() {}

  static String name() {
    String user = System.getProperty("user.name");
    return "local:" + (user == null || user.isBlank() ? "unknown" : user);
  }
}
