package dev.promoter.cli;

import dev.promoter.client.ScheduleHandle;
import dev.promoter.service.ScheduleService;
import dev.promoter.workflows.retrain.OverlapPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter schedule create NAME --cron EXPR ...}. */
@Command(name = "schedule", description = "Retrain on a cron schedule.",
    subcommands = {ScheduleCommand.Create.class, ScheduleCommand.ListSchedules.class, ScheduleCommand.Delete.class})
final class ScheduleCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", description = "Start a lifecycle run on every cron time (UTC); "
      + "each run's champion is whatever holds production then.")
  static final class Create implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--cron", required = true, description = "five-field cron, e.g. \"0 2 * * SUN\"")
    String cron;

    @Option(names = "--overlap", defaultValue = "SKIP", description = "SKIP or BUFFER_ONE (default: ${DEFAULT-VALUE})")
    OverlapPolicy overlap;

    @Option(names = "--as", paramLabel = "USER",
        description = "dev mode only: the registry user who owns the schedule's runs")
    String actor;

    @Mixin CandidateOptions options = new CandidateOptions();

    @Override
    public void run() {
      try (Operations ops = Operations.open(actor)) {
        ScheduleService.ScheduleView view = ops.createSchedule(name, cron, overlap, options.spec());
        spec.commandLine().getOut().println(describe(new ScheduleHandle(view.name(), view.mechanism()),
            cron, overlap) + "; next run " + view.nextFireTime());
      }
    }
  }

  @Command(name = "list", description = "Retraining schedules with their next fire time (UTC).")
  static final class ListSchedules implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      try (Operations ops = Operations.open(null)) {
        var all = ops.schedules();
        if (all.isEmpty()) {
          spec.commandLine().getOut().println("no schedules");
        }
        for (ScheduleService.ScheduleView s : all) {
          spec.commandLine().getOut().printf("%-32s %-16s %-10s %-24s next %s by %s%n", s.name(),
              "\"" + s.cron() + "\"", s.overlap(), s.model(), s.nextFireTime(), s.createdBy());
        }
      }
    }
  }

  @Command(name = "delete", description = "Delete a retraining schedule (admin); runs it started go on.")
  static final class Delete implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--as", paramLabel = "USER", description = "dev mode only: the registry user who deletes it")
    String actor;

    @Override
    public void run() {
      try (Operations ops = Operations.open(actor)) {
        ops.deleteSchedule(name);
        spec.commandLine().getOut().println("deleted schedule " + name);
      }
    }
  }

  static String describe(ScheduleHandle handle, String cron, OverlapPolicy overlap) {
    return "schedule " + handle.scheduleId() + ": \"" + cron + "\" (UTC), overlap " + overlap + ", via "
        + (handle.mechanism().equals("temporal-schedule") ? "the Temporal Schedules API"
            : "a cron workflow (this Temporal server has no Schedules API)")
        + "; missed times are not replayed";
  }
}
