package dev.promoter.cli;

import dev.promoter.workflows.lifecycle.LifecycleStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter approve RUN} and {@code promoter reject RUN}. */
final class DecisionCommands {
  private DecisionCommands() {}

  abstract static class Decide implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "the waiting run")
    String runId;

    @Option(names = "--as", required = true, paramLabel = "USER", description = "who decides (not the submitter)")
    String actor;

    @Option(names = "--reason", required = true, description = "why, for the audit log")
    String reason;

    abstract LifecycleStatus decide(dev.promoter.client.PromoterClient client);

    @Override
    public void run() {
      try (ClientSession session = ClientSession.open()) {
        LifecycleStatus status = decide(session.client());
        spec.commandLine().getOut().println(runId + ": " + status);
        LifecycleCommand.print(spec.commandLine().getOut(), runId, session.client().progress(runId));
      }
    }
  }

  @Command(name = "approve", description = "Approve a staged version; the run promotes it to production.")
  static final class Approve extends Decide {
    @Override
    LifecycleStatus decide(dev.promoter.client.PromoterClient client) {
      return client.approve(runId, actor, reason);
    }
  }

  @Command(name = "reject", description = "Reject a staged version; the run withdraws it.")
  static final class Reject extends Decide {
    @Override
    LifecycleStatus decide(dev.promoter.client.PromoterClient client) {
      return client.reject(runId, actor, reason);
    }
  }
}
