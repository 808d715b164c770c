package dev.promoter.cli;

import dev.promoter.drift.FeatureDrift;
import dev.promoter.service.DriftService;
import dev.promoter.workflows.drift.DriftSettings;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter drift start|show|stop MODEL}. */
@Command(name = "drift", description = "Watch a model's predictions for drift and retrain on it.",
    subcommands = {DriftCommand.Start.class, DriftCommand.Show.class, DriftCommand.Stop.class})
final class DriftCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "start", description = "Start a model's drift monitor, or replace its settings. "
      + "On a verdict at or above the trigger it starts a retraining run from the model's schedule's "
      + "request (else its last run's), at most once per cool-down window.")
  static final class Start implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Option(names = "--interval", description = "time between checks (default 15m)")
    String interval;

    @Option(names = "--window", description = "how far back a check reads predictions (default 1h)")
    String window;

    @Option(names = "--min-predictions", description = "fewer in the window skip the check (default 200)")
    Integer minimumPredictions;

    @Option(names = "--trigger", description = "SIGNIFICANT or MODERATE (default SIGNIFICANT)")
    String trigger;

    @Option(names = "--cool-down", description = "at most one retrain per window of this length (default 1d)")
    String coolDown;

    @Option(names = "--min-shift", description = "smallest KS D that counts as drift, 0-1 (default 0.15)")
    Double minimumShift;

    @Option(names = "--as", paramLabel = "USER",
        description = "dev mode only: the registry user who owns the monitor's retraining runs")
    String actor;

    @Override
    public void run() {
      DriftService.SettingsSpec settings = new DriftService.SettingsSpec(interval, window, minimumPredictions,
          trigger, coolDown, minimumShift);
      // bad settings are refused here, before any stack or server is reached (the service checks
      // them again, for every other door)
      DriftService.settings(settings);
      try (Operations ops = Operations.open(actor)) {
        DriftService.MonitorView view = ops.putDrift(model, settings);
        spec.commandLine().getOut().println("drift monitor of " + view.model() + ": " + describe(view.settings())
            + "; retraining runs are submitted as " + view.createdBy());
      }
    }
  }

  @Command(name = "show", description = "A model's drift monitor and its recent checks, newest first.")
  static final class Show implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Option(names = "--limit", defaultValue = "20", description = "how many checks (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public void run() {
      try (Operations ops = Operations.open(null)) {
        DriftService.DriftView view = ops.drift(model, limit);
        PrintWriter out = spec.commandLine().getOut();
        out.println(view.monitor() == null ? "no drift monitor for " + model
            : "drift monitor of " + model + ": " + describe(view.monitor().settings()) + ", by "
                + view.monitor().createdBy());
        if (view.checks().isEmpty()) {
          out.println("no checks yet");
        }
        for (DriftService.CheckView c : view.checks()) {
          out.printf("#%d %s v%s %-11s %d vs %d training records; %s; %s%s%n", c.id(), c.checkedAt(),
              c.version() == null ? "-" : c.version(), c.verdict(), c.currentSize(), c.referenceSize(),
              c.topFeatures().stream().map(DriftCommand::feature).collect(Collectors.joining(", ")), c.note(),
              c.retrainRunId() == null ? "" : " -> " + c.retrainRunId());
        }
      }
    }
  }

  @Command(name = "stop", description = "Stop a model's drift monitor (admin); runs it started go on.")
  static final class Stop implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Option(names = "--as", paramLabel = "USER", description = "dev mode only: the registry user who stops it")
    String actor;

    @Override
    public void run() {
      try (Operations ops = Operations.open(actor)) {
        ops.stopDrift(model);
        spec.commandLine().getOut().println("stopped the drift monitor of " + model);
      }
    }
  }

  static String describe(DriftSettings s) {
    return "every " + s.interval() + " over the last " + s.window() + " (at least " + s.minimumPredictions()
        + " predictions), retrain on " + s.trigger() + " at most once per " + s.coolDown() + ", minimum KS D "
        + s.minimumShift();
  }

  static String feature(FeatureDrift f) {
    return String.format("%s%s D=%.3f p=%.2g PSI=%.3f", f.feature(), f.drifted() ? "*" : "", f.ksStatistic(),
        f.ksPValue(), f.psi());
  }
}
