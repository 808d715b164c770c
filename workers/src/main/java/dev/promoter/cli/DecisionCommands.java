package dev.promoter.cli;

import dev.promoter.service.RunView;
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

    @Option(names = "--as", paramLabel = "USER",
        description = "dev mode only: the registry user who decides (with PROMOTER_URL, the token decides)")
    String actor;

    @Option(names = "--reason", required = true, description = "why, for the audit log")
    String reason;

    abstract boolean approve();

    @Override
    public void run() {
      try (Operations ops = Operations.open(actor)) {
        LifecycleStatus status = ops.decide(runId, approve(), reason);
        // once: the run's status after it acted, then its verdict and version
        RunView view = ops.run(runId);
        spec.commandLine().getOut().println(runId + ": " + status);
        if (view.progress() != null) {
          if (view.progress().version() != null) {
            spec.commandLine().getOut().println("  registered v" + view.progress().version());
          }
          spec.commandLine().getOut().println("  " + view.progress().verdict());
        }
      }
    }
  }

  @Command(name = "approve", description = "Approve a staged version; the run promotes it to production.")
  static final class Approve extends Decide {
    @Override
    boolean approve() {
      return true;
    }
  }

  @Command(name = "reject", description = "Reject a staged version; the run withdraws it.")
  static final class Reject extends Decide {
    @Override
    boolean approve() {
      return false;
    }
  }
}
