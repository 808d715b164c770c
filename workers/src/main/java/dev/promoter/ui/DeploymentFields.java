package dev.promoter.ui;

import dev.promoter.service.Durations;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.rollout.Rollout;
import java.util.List;
import java.util.Map;

/**
 * The start form's deployment fields as typed: the same fields as the REST body's
 * {@code deployment} object and {@code approval.decides}. Blank fields take the service's defaults;
 * every range is checked by the service ({@code Deployments}), so the form refuses exactly what
 * the API refuses, with the same words.
 */
public final class DeploymentFields {
  // a sentence per strategy for the choice list; a strategy the server accepts but this map does
  // not know (one added later) is still offered, under its own name
  private static final Map<String, String> LABELS = Map.of(
      Rollout.DIRECT, "direct: production moves at once after the approval",
      Rollout.CANARY, "canary: rising share of live traffic, each step gated",
      Rollout.SHADOW, "shadow: scores live traffic off the path before the approval",
      Rollout.AB, "A/B: split traffic, decided on online accuracy",
      Rollout.BLUE_GREEN, "blue-green: warmed beside the champion, switched at once, champion kept warm");

  private String strategy = Rollout.DIRECT;
  private String steps = "";
  private String bake = "";
  private String maxErrorRate = "";
  private String maxP99Ms = "";
  private String minAgreement = "";
  private String minAccuracy = "";
  private String minLabels = "";
  private String minRequests = "";
  private String shadowPercent = "";
  private String abPercent = "";
  private String minSample = "";
  private String significance = "";
  private String sampleSize = "";
  private String keepWarm = "";
  private String warmTimeout = "";
  private String decides = "";

  /** One entry of the strategy list. */
  record Choice(String value, String label) {}

  /** The strategies the server accepts, in its own order, each with a sentence. */
  static List<Choice> choices() {
    return Rollout.STRATEGIES.stream().map(s -> new Choice(s, LABELS.getOrDefault(s, s))).toList();
  }

  /** The approval moments a request may name. */
  static List<String> decidesChoices() {
    return List.of(ApprovalPolicy.BEFORE_ROLLOUT, ApprovalPolicy.AFTER_CANARY);
  }

  /** The deployment as asked for; text that is not a number or duration is bad input. */
  LifecycleSpec.Deployment toSpec() {
    return new LifecycleSpec.Deployment(FormText.stripped(strategy),
        FormText.wholes(steps, "deployment.steps"),
        FormText.blank(bake) ? null : Durations.parse(bake, "deployment.bake"),
        FormText.decimal(maxErrorRate, "deployment.maxErrorRate"),
        FormText.decimal(maxP99Ms, "deployment.maxP99Ms"),
        FormText.decimal(minAgreement, "deployment.minAgreement"),
        FormText.decimal(minAccuracy, "deployment.minAccuracy"),
        FormText.whole(minLabels, "deployment.minLabels"),
        FormText.whole(minRequests, "deployment.minRequests"),
        FormText.whole(shadowPercent, "deployment.shadowPercent"),
        FormText.whole(abPercent, "deployment.abPercent"),
        FormText.whole(minSample, "deployment.minSample"),
        FormText.decimal(significance, "deployment.significance"),
        FormText.whole(sampleSize, "deployment.sampleSize"),
        FormText.blank(keepWarm) ? null : Durations.parse(keepWarm, "deployment.keepWarm"),
        FormText.blank(warmTimeout) ? null : Durations.parse(warmTimeout, "deployment.warmTimeout"));
  }

  /** {@code approval.decides}, or null for the default (before the rollout). */
  String decidesOrNull() {
    return FormText.stripped(decides);
  }

  public String getStrategy() { return strategy; }
  public void setStrategy(String strategy) { this.strategy = strategy; }
  public String getSteps() { return steps; }
  public void setSteps(String steps) { this.steps = steps; }
  public String getBake() { return bake; }
  public void setBake(String bake) { this.bake = bake; }
  public String getMaxErrorRate() { return maxErrorRate; }
  public void setMaxErrorRate(String maxErrorRate) { this.maxErrorRate = maxErrorRate; }
  public String getMaxP99Ms() { return maxP99Ms; }
  public void setMaxP99Ms(String maxP99Ms) { this.maxP99Ms = maxP99Ms; }
  public String getMinAgreement() { return minAgreement; }
  public void setMinAgreement(String minAgreement) { this.minAgreement = minAgreement; }
  public String getMinAccuracy() { return minAccuracy; }
  public void setMinAccuracy(String minAccuracy) { this.minAccuracy = minAccuracy; }
  public String getMinLabels() { return minLabels; }
  public void setMinLabels(String minLabels) { this.minLabels = minLabels; }
  public String getMinRequests() { return minRequests; }
  public void setMinRequests(String minRequests) { this.minRequests = minRequests; }
  public String getShadowPercent() { return shadowPercent; }
  public void setShadowPercent(String shadowPercent) { this.shadowPercent = shadowPercent; }
  public String getAbPercent() { return abPercent; }
  public void setAbPercent(String abPercent) { this.abPercent = abPercent; }
  public String getMinSample() { return minSample; }
  public void setMinSample(String minSample) { this.minSample = minSample; }
  public String getSignificance() { return significance; }
  public void setSignificance(String significance) { this.significance = significance; }
  public String getSampleSize() { return sampleSize; }
  public void setSampleSize(String sampleSize) { this.sampleSize = sampleSize; }
  public String getKeepWarm() { return keepWarm; }
  public void setKeepWarm(String keepWarm) { this.keepWarm = keepWarm; }
  public String getWarmTimeout() { return warmTimeout; }
  public void setWarmTimeout(String warmTimeout) { this.warmTimeout = warmTimeout; }
  public String getDecides() { return decides; }
  public void setDecides(String decides) { this.decides = decides; }
}
