package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code promoter rollback NAME --alias A --as USER --reason TEXT}. */
@Command(name = "rollback", description = "Give an alias back to its previous holder, from the audit log (admin).")
final class RollbackCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the model")
  String name;

  @Mixin AliasMoveOptions move = new AliasMoveOptions();

  @Override
  public void run() {
    try (Operations ops = Operations.open(move.actor)) {
      AliasMove result = ops.rollback(name, move.alias, move.reason, move.expected);
      spec.commandLine().getOut().println(AliasMoves.describe(result, "rolled back"));
    }
  }
}
