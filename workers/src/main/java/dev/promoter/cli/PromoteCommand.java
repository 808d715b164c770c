package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter promote NAME VERSION --alias A --as USER --reason TEXT}. */
@Command(name = "promote", description = "Point an alias at a version, archiving the previous holder.")
final class PromoteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the model")
  String name;

  @Parameters(index = "1", paramLabel = "VERSION", description = "the version number")
  int version;

  @Option(names = "--alias", defaultValue = "production", description = "alias to move (default: ${DEFAULT-VALUE})")
  String alias;

  @Option(names = "--as", required = true, paramLabel = "USER", description = "who is promoting")
  String actor;

  @Option(names = "--reason", required = true, description = "why, for the audit log")
  String reason;

  @Option(names = "--if-current", paramLabel = "VERSION",
      description = "only if the alias is held by this version now")
  Integer expected;

  @Override
  public void run() {
    try (StackSession stack = StackSession.open()) {
      AliasMove move = stack.get(ModelRegistry.class).promote(name, version, alias, actor, reason, expected);
      spec.commandLine().getOut().println(AliasMoves.describe(move, "promoted"));
    }
  }
}
