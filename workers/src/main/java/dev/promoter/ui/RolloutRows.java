package dev.promoter.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.service.RunView;
import dev.promoter.workflows.rollout.RolloutStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run recorded of its rollout and its end: from the workflow's progress while it runs,
 * from the registry's recorded result once it has ended (the workflow is gone then).
 */
final class RolloutRows {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RolloutRows() {}

  static List<RolloutStep> of(RunView view) {
    if (view.progress() != null) {
      return view.progress().rollout() == null ? List.of() : view.progress().rollout();
    }
    JsonNode result = result(view);
    JsonNode steps = result == null ? null : result.get("rollout");
    List<RolloutStep> out = new ArrayList<>();
    if (steps != null && steps.isArray()) {
      for (JsonNode step : steps) {
        try {
          out.add(JSON.treeToValue(step, RolloutStep.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          return List.of(); // a result this code cannot read shows as its raw JSON on the page
        }
      }
    }
    return out;
  }

  /** The run's last verdict in words: the live one while it runs, the recorded one after. */
  static String verdict(RunView view) {
    if (view.progress() != null) {
      return view.progress().verdict();
    }
    JsonNode result = result(view);
    JsonNode verdict = result == null ? null : result.get("verdict");
    return verdict == null || !verdict.isTextual() ? null : verdict.asText();
  }

  /** The version the run registered, once known. */
  static Integer version(RunView view) {
    if (view.progress() != null) {
      return view.progress().version();
    }
    JsonNode result = result(view);
    JsonNode version = result == null ? null : result.get("version");
    return version == null || !version.isNumber() ? null : version.asInt();
  }

  private static JsonNode result(RunView view) {
    String result = view.run().resultJson();
    if (result == null || result.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(result);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
