package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code promoter promote NAME VERSION --alias A --as USER --reason TEXT}. */
@Command(name = "promote", description = "Point an alias at a version, archiving the previous holder (admin).")
final class PromoteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the model")
  String name;

  @Parameters(index = "1", paramLabel = "VERSION", description = "the version number")
  int version;

  @Mixin AliasMoveOptions move = new AliasMoveOptions();

  @Override
  public void run() {
    try (Operations ops = Operations.open(move.actor)) {
      AliasMove result = ops.promote(name, move.alias, version, move.reason, move.expected);
      spec.commandLine().getOut().println(AliasMoves.describe(result, "promoted"));
    }
  }
}
