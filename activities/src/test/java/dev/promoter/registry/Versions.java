package dev.promoter.registry;

import java.util.Map;

/** Builds registration requests for tests. */
final class Versions {
  private Versions() {}

  static NewVersion of(String model, String key) {
    return new NewVersion(model, key, "file:/artifacts/" + key, sha(key), "tribuo",
        Map.of("macro_f1", 0.97), Map.of("trainer", "logreg"), "{\"trainer\":\"sgd\"}",
        new Lineage("d".repeat(64), "test", "run-" + key), "alice");
  }

  /** A stable fake digest per key: 64 hex characters. */
  static String sha(String key) {
    String hex = Integer.toHexString(key.hashCode() & 0x7fffffff);
    return (hex + "0".repeat(64)).substring(0, 64);
  }
}
