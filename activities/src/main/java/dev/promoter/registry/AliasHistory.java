package dev.promoter.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The holders of one alias, rebuilt from the audit log rather than from a "previous" column
 * that could drift. A promotion pushes its version; a rollback pops down to the version it
 * restored. The top of the stack is the current holder; the one below it is what a rollback
 * restores next, so repeated rollbacks walk further back.
 */
final class AliasHistory {
  private final Deque<Integer> holders = new ArrayDeque<>();

  private AliasHistory() {}

  static AliasHistory replay(List<AuditEntry> moves) {
    AliasHistory history = new AliasHistory();
    for (AuditEntry move : moves) {
      switch (move.action()) {
        case "promote" -> history.holders.push(move.version());
        case "rollback" -> history.popTo(move);
        case "withdraw" -> history.withdraw(move);
        default -> throw new IllegalArgumentException("not an alias move: " + move.action());
      }
    }
    return history;
  }

  private void popTo(AuditEntry rollback) {
    while (!holders.isEmpty() && !holders.peek().equals(rollback.version())) {
      holders.pop();
    }
    if (holders.isEmpty()) {
      throw new IllegalStateException("audit log entry " + rollback.id()
          + " restores version " + rollback.version() + " which never held " + rollback.alias());
    }
  }

  // a withdrawal takes the alias from the top holder and gives it to the version it names, or
  // leaves the alias unset when it names none
  private void withdraw(AuditEntry move) {
    if (move.version() == null) {
      holders.clear();
    } else {
      holders.pop();
      popTo(move);
    }
  }

  /** The current holder according to the log, or null if the alias was never set. */
  Integer current() {
    return holders.peek();
  }

  /** Earlier holders, most recent first, excluding the current one. */
  List<Integer> earlier() {
    return holders.stream().skip(1).toList();
  }
}
