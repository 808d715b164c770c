package dev.promoter.cli;

import dev.promoter.registry.RunSummary;
import dev.promoter.service.RunView;
import dev.promoter.workflows.lifecycle.CandidateProgress;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter lifecycle start|status|list}. */
@Command(name = "lifecycle", description = "Start a model lifecycle run, follow it, list runs.",
    subcommands = {LifecycleCommand.Start.class, LifecycleCommand.Status.class, LifecycleCommand.ListRuns.class})
final class LifecycleCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "start", description = "Train candidates, register the best, stage it and wait for approval.")
  static final class Start implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin CandidateOptions options = new CandidateOptions();

    @Option(names = "--as", paramLabel = "USER",
        description = "dev mode only: the registry user who submits (with PROMOTER_URL, the token decides)")
    String actor;

    @Option(names = "--engine", defaultValue = "temporal", paramLabel = "ENGINE",
        description = "temporal or camunda (Camunda 8: the embedded Zeebe engine of a dev server "
            + "started with PROMOTER_ENGINES=temporal,camunda, or CAMUNDA_GRPC_ADDRESS) (default: ${DEFAULT-VALUE})")
    String engine;

    @Override
    public void run() {
      // options that do not parse are refused before any stack starts or is called
      dev.promoter.service.LifecycleSpec asked = options.spec().onEngine(engine);
      try (Operations ops = Operations.open(actor)) {
        String runId = ops.startLifecycle(asked);
        PrintWriter out = spec.commandLine().getOut();
        out.println("started " + runId);
        out.println("follow:  ./promoter lifecycle status " + runId);
      }
    }
  }

  @Command(name = "status", description = "A run's step, candidates and verdict (asks the workflow).")
  static final class Status implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN")
    String runId;

    @Override
    public void run() {
      try (Operations ops = Operations.open(null)) {
        print(spec.commandLine().getOut(), ops.run(runId));
      }
    }
  }

  @Command(name = "list", description = "Recent runs, newest first (from the registry's run index).")
  static final class ListRuns implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public void run() {
      try (Operations ops = Operations.open(null)) {
        List<RunSummary> runs = ops.runs(limit).items();
        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
          out.println("no runs yet (try: promoter demo)");
        }
        for (RunSummary r : runs) {
          out.printf("%-48s %-9s %-18s %-24s by %s%n", r.runId(), r.kind(), r.status(), r.modelName(), r.submittedBy());
        }
      }
    }
  }

  /** A run as the registry and, while it is open, its workflow report it. */
  static void print(PrintWriter out, RunView view) {
    RunSummary r = view.run();
    if (view.progress() == null) {
      out.println(r.runId() + ": " + r.status() + (r.endedAt() == null ? "" : " (ended " + r.endedAt() + ")"));
      if (r.resultJson() != null) {
        out.println("  " + r.resultJson());
      }
      return;
    }
    print(out, r.runId(), view.progress());
  }

  static void print(PrintWriter out, String runId, LifecycleProgress p) {
    out.println(runId + ": " + p.status() + " (step " + p.step() + ")");
    for (CandidateProgress c : p.candidates()) {
      Double f1 = c.metrics().get("macro_f1");
      Double frag = c.metrics().get("fragments.macro_f1");
      out.printf("  %-10s %-8s on %-4s %-9s%s%s%n", c.name(), c.trainer(), c.taskQueue(), c.state(),
          f1 == null ? "" : String.format(" macro-F1 %.4f", f1),
          frag == null ? (c.error() == null ? (c.detail() == null ? "" : " " + c.detail()) : " " + c.error())
              : String.format(" fragments %.4f", frag));
    }
    if (p.version() != null) {
      out.println("  registered v" + p.version());
    }
    if (p.verdict() != null && !p.verdict().isEmpty()) {
      out.println("  " + p.verdict());
    }
  }
}
