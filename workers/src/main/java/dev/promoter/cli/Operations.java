package dev.promoter.cli;

import dev.promoter.registry.AliasMove;
import dev.promoter.registry.Page;
import dev.promoter.registry.RunSummary;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.RunView;
import dev.promoter.service.ScheduleService.ScheduleView;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.util.List;

/**
 * What the CLI's acting commands do, through one of two doors: the application services in this
 * process (dev mode, {@code --as} names a registry user) or the REST API of a running server
 * ({@code PROMOTER_URL} + {@code PROMOTER_TOKEN}: the token says who you are).
 */
interface Operations extends AutoCloseable {
  String startLifecycle(LifecycleSpec spec);

  RunView run(String runId);

  Page<RunSummary> runs(int size);

  LifecycleStatus decide(String runId, boolean approve, String reason);

  AliasMove promote(String model, String alias, int version, String reason, Integer ifCurrent);

  AliasMove rollback(String model, String alias, String reason, Integer ifCurrent);

  ScheduleView createSchedule(String name, String cron, OverlapPolicy overlap, LifecycleSpec spec);

  List<ScheduleView> schedules();

  void deleteSchedule(String name);

  dev.promoter.service.DriftService.MonitorView putDrift(String model, dev.promoter.service.DriftService.SettingsSpec spec);

  dev.promoter.service.DriftService.DriftView drift(String model, int limit);

  void stopDrift(String model);

  @Override
  void close();

  /** The server's address when the CLI should use the REST API; null in dev mode. */
  static String url() {
    String url = System.getProperty("promoter.url", System.getenv("PROMOTER_URL"));
    return url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
  }

  /**
   * Opens the door this invocation should use. In dev mode a command that reaches Temporal
   * (start, status, decide, schedules) needs a running server, and learns it only after its input
   * passed every check.
   */
  static Operations open(String asUser) {
    String url = url();
    if (url != null) {
      if (asUser != null) {
        throw new BadInputException("--as is a dev-mode convenience; with PROMOTER_URL set, "
            + "PROMOTER_TOKEN says who you are");
      }
      String token = System.getProperty("promoter.token", System.getenv("PROMOTER_TOKEN"));
      if (token == null || token.isBlank()) {
        throw new BadInputException("PROMOTER_URL is set but PROMOTER_TOKEN is not: create one "
            + "with `promoter token create --user NAME` and export it");
      }
      return new RemoteOperations(url, token);
    }
    String mode = System.getProperty("promoter.mode", System.getenv("PROMOTER_MODE"));
    if (mode != null && (mode.equalsIgnoreCase("production") || mode.equalsIgnoreCase("prod"))) {
      throw new BadInputException("production mode: set PROMOTER_URL (the server's address) and "
          + "PROMOTER_TOKEN; --as is only for dev mode");
    }
    return LocalOperations.open(asUser);
  }
}
