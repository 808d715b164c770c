package dev.promoter.cli;

import dev.promoter.registry.AliasMove;

/** How the CLI words an alias move. */
final class AliasMoves {
  private AliasMoves() {}

  static String describe(AliasMove move, String verb) {
    if (!move.changed()) {
      return move.modelName() + "@" + move.alias() + " is already v" + move.toVersion() + ": nothing changed";
    }
    String from = move.fromVersion() == null ? "(unset)" : "v" + move.fromVersion();
    return verb + " " + move.modelName() + "@" + move.alias() + ": " + from + " -> v" + move.toVersion()
        + " (audit #" + move.auditId() + ")";
  }
}
