package dev.promoter.cli;

import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.ModelRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code promoter audit NAME}. */
@Command(name = "audit", description = "A model's append-only audit log, oldest first.")
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the model")
  String name;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try (StackSession stack = StackSession.open()) {
      for (AuditEntry e : stack.get(ModelRegistry.class).audit(name)) {
        out.println(format(e));
      }
    }
  }

  static String format(AuditEntry e) {
    StringBuilder line = new StringBuilder()
        .append('#').append(e.id()).append(' ').append(e.at()).append(' ')
        .append(e.actor()).append(e.operator() ? " (operator)" : "").append(' ').append(e.action());
    if (e.alias() != null) {
      line.append(' ').append(e.alias()).append(' ')
          .append(e.fromVersion() == null ? "(unset)" : "v" + e.fromVersion()).append(" -> v").append(e.version());
    } else if (e.version() != null) {
      line.append(" v").append(e.version());
    }
    return line.append(": ").append(e.reason()).toString();
  }
}
