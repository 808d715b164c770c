package dev.promoter.cli;

import dev.promoter.client.ScheduleHandle;
import dev.promoter.workflows.retrain.OverlapPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code promoter schedule create NAME --cron EXPR ...}. */
@Command(name = "schedule", description = "Retrain on a cron schedule.",
    subcommands = {ScheduleCommand.Create.class})
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

    @Option(names = "--as", required = true, paramLabel = "USER", description = "who owns the schedule's runs")
    String actor;

    @Mixin CandidateOptions options = new CandidateOptions();

    @Override
    public void run() {
      try (ClientSession session = ClientSession.open()) {
        ScheduleHandle handle = session.client().createRetrainSchedule(name, cron, overlap, options.request(actor));
        spec.commandLine().getOut().println(describe(handle, cron, overlap));
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
