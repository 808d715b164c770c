package dev.promoter.bpmn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle request as process variables, and back: flat names a FEEL expression can read
 * ({@code candidates}, {@code approvalTimeout} as ISO-8601, {@code runId} as the correlation key).
 */
public final class LifecycleVariables {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LifecycleVariables() {}

  /** The variables a {@code model-lifecycle} instance starts with. */
  public static Map<String, Object> of(String runId, LifecycleRequest r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("runId", runId);
    v.put("modelName", r.modelName());
    v.put("dataset", r.dataset());
    v.put("candidates", r.candidates().stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("trainer", c.trainer());
      m.put("pool", c.pool());
      m.put("params", c.params());
      return m;
    }).toList());
    v.put("decidingMetric", r.decidingMetric());
    v.put("minimumMetric", r.minimumMetric());
    v.put("championMargin", r.championMargin());
    v.put("approverRole", r.approval().approverRole());
    v.put("approvalTimeout", r.approval().timeout().toString());
    v.put("submittedBy", r.submittedBy());
    return v;
  }

  /** The request back from a job's variables (task queues do not apply on Zeebe: job types do). */
  public static LifecycleRequest request(Map<String, Object> v) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> candidates = (List<Map<String, Object>>) v.get("candidates");
    return new LifecycleRequest((String) v.get("modelName"), (String) v.get("dataset"),
        candidates.stream().map(LifecycleVariables::candidate).toList(),
        (String) v.get("decidingMetric"), number(v.get("minimumMetric")),
        number(v.get("championMargin")),
        new ApprovalPolicy((String) v.get("approverRole"),
            Duration.parse((String) v.get("approvalTimeout"))),
        (String) v.get("submittedBy"), null);
  }

  /** One candidate of the {@code candidates} list. */
  @SuppressWarnings("unchecked")
  public static CandidateConfig candidate(Object value) {
    Map<String, Object> m = (Map<String, Object>) value;
    Map<String, Object> params = m.get("params") == null ? Map.of() : (Map<String, Object>) m.get("params");
    Map<String, String> p = new LinkedHashMap<>();
    params.forEach((k, x) -> p.put(k, String.valueOf(x)));
    return new CandidateConfig((String) m.get("name"), (String) m.get("trainer"),
        (String) m.get("pool"), p);
  }

  /** A trained candidate as a variable. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> trained(TrainedCandidate c) {
    return JSON.convertValue(c, Map.class);
  }

  /** A trained candidate from a variable, or null. */
  public static TrainedCandidate trained(Object value) {
    return value == null ? null : JSON.convertValue(value, TrainedCandidate.class);
  }

  /** A JSON number (Jackson may give an Integer, a Long or a Double). */
  public static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  /** An optional integer variable. */
  public static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  /** Any value as JSON, for the registry. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + value, e);
    }
  }
}
