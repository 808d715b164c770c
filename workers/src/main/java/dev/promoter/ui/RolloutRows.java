package dev.promoter.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.service.RunView;
import dev.promoter.workflows.rollout.RolloutStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's rollout steps for its page: from the workflow's progress while it runs, from the
 * registry's recorded result once it has ended (the workflow is gone then).
 */
final class RolloutRows {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RolloutRows() {}

  static List<RolloutStep> of(RunView view) {
    if (view.progress() != null) {
      return view.progress().rollout() == null ? List.of() : view.progress().rollout();
    }
    String result = view.run().resultJson();
    if (result == null || result.isBlank()) {
      return List.of();
    }
    try {
      JsonNode steps = JSON.readTree(result).get("rollout");
      List<RolloutStep> out = new ArrayList<>();
      if (steps != null && steps.isArray()) {
        for (JsonNode step : steps) {
          out.add(JSON.treeToValue(step, RolloutStep.class));
        }
      }
      return out;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of(); // a result this code cannot read shows as its raw JSON below
    }
  }
}
