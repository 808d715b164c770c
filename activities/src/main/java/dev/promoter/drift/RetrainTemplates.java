package dev.promoter.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.RetrainSchedules;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import java.util.Comparator;
import java.util.Optional;

/**
 * The request a drift-triggered retrain starts from: the model's retraining schedule's request
 * (the newest, if it has several), else the request of its most recent lifecycle run.
 */
public final class RetrainTemplates {
  // the schedule service writes its request with this mapper; read it back the same way
  private static final ObjectMapper SCHEDULE_JSON = new ObjectMapper().findAndRegisterModules();
  private final RetrainSchedules schedules;
  private final DriftChecks checks;

  /** Templates from the registry's schedules and runs. */
  public RetrainTemplates(RetrainSchedules schedules, DriftChecks checks) {
    this.schedules = schedules;
    this.checks = checks;
  }

  /**
   * A template and where it came from.
   *
   * @param source {@code schedule NAME} or {@code last run}, for the check's note
   * @param request the request
   */
  public record Template(String source, LifecycleRequest request) {}

  /** The model's template, or empty when it has neither a schedule nor an earlier run. */
  public Optional<Template> find(String model) {
    Optional<RetrainSchedules.Schedule> schedule = schedules.list().stream()
        .filter(s -> s.modelName().equals(model))
        .max(Comparator.comparing(RetrainSchedules.Schedule::createdAt));
    if (schedule.isPresent()) {
      try {
        return Optional.of(new Template("schedule " + schedule.get().name(),
            SCHEDULE_JSON.readValue(schedule.get().requestJson(), LifecycleRequest.class)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("schedule '" + schedule.get().name() + "' has an unreadable request", e);
      }
    }
    return checks.lastRunInput(model).map(json -> new Template("last run", RunJson.readRequest(json)));
  }
}
