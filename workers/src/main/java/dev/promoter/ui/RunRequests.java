package dev.promoter.ui;

import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import dev.promoter.workflows.rollout.Rollout;
import io.temporal.common.converter.DataConverterException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The rollout a run was started with (steps, bake, gates' thresholds), read from the request the
 * registry recorded at its start, so the run page can set each gate's threshold beside its figure.
 * Neither the progress query nor the result carries them; this is a read of what the service
 * already checked and stored, not a second rule.
 */
class RunRequests {
  // lazy like the stack: a page that needs no run never opens the registry through here
  private final ObjectProvider<RegistryDatabase> database;

  RunRequests(ObjectProvider<RegistryDatabase> database) {
    this.database = database;
  }

  /** The run's rollout, or null: direct, a Camunda run (always direct), or no request recorded. */
  Rollout rollout(RunSummary run) {
    if (!"temporal".equals(run.engine())) {
      return null;
    }
    String json = new DriftChecks(database.getObject().dataSource()).runInput(run.runId()).orElse(null);
    if (json == null) {
      return null;
    }
    try {
      LifecycleRequest request = RunJson.readRequest(json);
      return request.deployment() == null || request.deployment().direct() ? null : request.deployment();
    } catch (DataConverterException e) {
      return null; // a request recorded in an older shape: the page shows figures without thresholds
    }
  }
}
