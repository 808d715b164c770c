package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter rollback NAME --alias A --as USER --reason TEXT}. */
@Command(name = "rollback", description = "Give an alias back to its previous holder (from the audit log).")
final class RollbackCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the model")
  String name;

  @Option(names = "--alias", defaultValue = "production", description = "alias to roll back (default: ${DEFAULT-VALUE})")
  String alias;

  @Option(names = "--as", required = true, paramLabel = "USER", description = "who is rolling back")
  String actor;

  @Option(names = "--reason", required = true, description = "why, for the audit log")
  String reason;

  @Option(names = "--if-current", paramLabel = "VERSION",
      description = "only if the alias is held by this version now")
  Integer expected;

  @Override
  public void run() {
    try (StackSession stack = StackSession.open()) {
      AliasMove move = stack.get(ModelRegistry.class).rollback(name, alias, actor, reason, expected);
      spec.commandLine().getOut().println(AliasMoves.describe(move, "rolled back"));
    }
  }
}
