package dev.promoter.bpmn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.rollout.AbSampleStop;
import dev.promoter.workflows.rollout.Gates;
import dev.promoter.workflows.rollout.Rollout;
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
    v.putAll(rolloutVariables(r));
    return v;
  }

  /**
   * The deployment as variables: {@code rollout} whole (what the jobs read), and the few fields a
   * gateway or timer reads in FEEL ({@code strategy}, {@code canarySteps}, {@code bake},
   * {@code warmTimeout} and {@code keepWarm} as ISO-8601, {@code decideAfterCanary}, the A/B
   * test's {@code sampleSize} (null: it runs for the bake time) and {@code abPoll}, ISO-8601, how
   * often it reads both arms meanwhile) plus the canary's position, {@code stepIndex}.
   */
  static Map<String, Object> rolloutVariables(LifecycleRequest r) {
    Rollout rollout = r.deployment();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", rollout.strategy());
    m.put("steps", rollout.steps());
    m.put("bake", rollout.bake().toString());
    m.put("gates", JSON.convertValue(rollout.gates(), Map.class));
    m.put("shadowPercent", rollout.shadowPercent());
    m.put("abPercent", rollout.abPercent());
    m.put("minSample", rollout.minSample());
    m.put("significance", rollout.significance());
    m.put("sampleSize", rollout.sampleSize());
    m.put("keepWarm", rollout.keepWarm().toString());
    m.put("warmTimeout", rollout.warmTimeout().toString());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rollout", m);
    v.put("strategy", rollout.strategy());
    v.put("decides", r.approval().decides());
    v.put("decideAfterCanary", Rollout.CANARY.equals(rollout.strategy()) && r.approval().afterCanary());
    v.put("canarySteps", rollout.steps());
    v.put("bake", rollout.bake().toString());
    v.put("warmTimeout", rollout.warmTimeout().toString());
    v.put("keepWarm", rollout.keepWarm().toString());
    v.put("sampleSize", rollout.sampleSize());
    v.put("abPoll", AbSampleStop.every(rollout.bake()).toString());
    v.put("stepIndex", 0);
    return v;
  }

  /**
   * The rollout back from a job's variables; {@code direct} for an instance started before
   * rollouts ran on Camunda (it has no {@code rollout} variable), the blue-green defaults for
   * one started before blue-green did, and no sample size for one started before the A/B test
   * could stop at one.
   */
  @SuppressWarnings("unchecked")
  public static Rollout rollout(Map<String, Object> v) {
    if (!(v.get("rollout") instanceof Map<?, ?> m)) {
      return Rollout.DIRECT_ROLLOUT;
    }
    Map<String, Object> r = (Map<String, Object>) m;
    List<Integer> steps = ((List<Object>) r.get("steps")).stream().map(x -> ((Number) x).intValue()).toList();
    return new Rollout((String) r.get("strategy"), steps, Duration.parse((String) r.get("bake")),
        JSON.convertValue(r.get("gates"), Gates.class), integer(r.get("shadowPercent")),
        integer(r.get("abPercent")), integer(r.get("minSample")),
        r.get("significance") == null ? null : number(r.get("significance")), integer(r.get("sampleSize")),
        duration(r.get("keepWarm")), duration(r.get("warmTimeout")));
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
            Duration.parse((String) v.get("approvalTimeout")), (String) v.get("decides")),
        (String) v.get("submittedBy"), null, rollout(v));
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

  /** Any record (a rollout step, its reading) as a variable. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object value) {
    return JSON.convertValue(value, Map.class);
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

  /** An optional ISO-8601 duration variable. */
  static Duration duration(Object value) {
    return value == null ? null : Duration.parse((String) value);
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
