package dev.promoter.registry;

import java.util.regex.Pattern;

/**
 * Validation of the names a user types. The same rules are CHECK constraints in the schema; they
 * are repeated here so a bad name is refused with a clear message before any SQL runs.
 */
public final class Names {
  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final Pattern FRAMEWORK = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_TEXT = 2000;

  private Names() {}

  /** The model name, or INVALID naming the rule; front doors check with this before anything starts. */
  public static String model(String name) {
    if (name == null || !MODEL.matcher(name).matches()) {
      throw RegistryException.invalid("invalid model name '" + name
          + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }

  /** A retraining schedule's name (also its Temporal id): the model names' rule. */
  public static String schedule(String name) {
    if (name == null || !MODEL.matcher(name).matches()) {
      throw RegistryException.invalid("invalid schedule name '" + name
          + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }

  static String alias(String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw RegistryException.invalid("invalid alias '" + alias
          + "': use 1-64 lower-case letters, digits, '_' or '-', starting with a letter");
    }
    return alias;
  }

  static String user(String name) {
    if (name == null || !USER.matcher(name).matches()) {
      throw RegistryException.invalid("invalid user name '" + name
          + "': use 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
    }
    return name;
  }

  static String framework(String framework) {
    if (framework == null || !FRAMEWORK.matcher(framework).matches()) {
      throw RegistryException.invalid("invalid framework '" + framework
          + "': use a short lower-case name such as 'tribuo' or 'djl'");
    }
    return framework;
  }

  static String sha256(String digest) {
    if (digest == null || !SHA256.matcher(digest).matches()) {
      throw RegistryException.invalid("invalid artifact SHA-256 '" + digest
          + "': expected 64 lower-case hex digits");
    }
    return digest;
  }

  static int version(int version) {
    if (version < 1) {
      throw RegistryException.invalid("invalid version " + version + ": versions start at 1");
    }
    return version;
  }

  /** An actor (user or service) name: required, printable, bounded. */
  static String actor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw RegistryException.invalid("an actor is required: say who is making this change");
    }
    return text("actor", actor.strip(), 128);
  }

  /** Free text such as a reason: required, bounded, no control characters. */
  static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw RegistryException.invalid("a reason is required for the audit log");
    }
    return text("reason", reason.strip(), MAX_TEXT);
  }

  static String text(String what, String value, int max) {
    if (value.length() > max) {
      throw RegistryException.invalid(what + " is " + value.length()
          + " characters long; at most " + max + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        throw RegistryException.invalid(what + " contains a control character at position " + i);
      }
    }
    return value;
  }
}
