package dev.promoter.workflows.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a canary step must show before traffic moves on. Null fields take the defaults; a gate
 * reads only the step's own traffic (since the step's split took effect).
 *
 * @param maxErrorRate the candidate's own errors over its requests, at most (default 0.01);
 *     infrastructure failures are not its errors and are not counted
 * @param maxP99Ms the candidate's p99 model latency in milliseconds, at most (default 250)
 * @param minAgreement how often the candidate gives the champion's label on the same requests,
 *     at least (default 0.9)
 * @param minAccuracy online accuracy from feedback, at least (default 0.8), judged only once
 *     {@code minLabels} labels arrived
 * @param minLabels labelled predictions before accuracy is judged (default 20)
 * @param minRequests requests the candidate must have answered in a step to be judged at all
 *     (default 20): too little traffic is too little evidence, and the gate fails
 */
public record Gates(Double maxErrorRate, Double maxP99Ms, Double minAgreement, Double minAccuracy,
    Integer minLabels, Integer minRequests) {
  /** Every default. */
  public static final Gates DEFAULT = new Gates(null, null, null, null, null, null);

  /** Fills defaults. */
  public Gates {
    maxErrorRate = maxErrorRate == null ? 0.01 : maxErrorRate;
    maxP99Ms = maxP99Ms == null ? 250.0 : maxP99Ms;
    minAgreement = minAgreement == null ? 0.9 : minAgreement;
    minAccuracy = minAccuracy == null ? 0.8 : minAccuracy;
    minLabels = minLabels == null ? 20 : minLabels;
    minRequests = minRequests == null ? 20 : minRequests;
  }

  /** The gates a reading fails, in words with their figures; empty when it passes. */
  public List<String> failures(GateReading r) {
    List<String> out = new ArrayList<>();
    if (r.answered() + r.modelErrors() < minRequests) {
      out.add(String.format(Locale.ROOT, "only %d requests reached the candidate (at least %d needed)",
          r.answered() + r.modelErrors(), minRequests));
      return out;
    }
    if (r.errorRate() > maxErrorRate) {
      out.add(String.format(Locale.ROOT, "error rate %.4f over %.4f (%d of %d requests)", r.errorRate(),
          maxErrorRate, r.modelErrors(), r.answered() + r.modelErrors()));
    }
    if (r.p99Ms() > maxP99Ms) {
      out.add(String.format(Locale.ROOT, "p99 latency %.1f ms over %.1f ms", r.p99Ms(), maxP99Ms));
    }
    if (r.agreement() != null && r.agreement() < minAgreement) {
      out.add(String.format(Locale.ROOT, "agreement with the champion %.3f under %.3f (%d requests compared)",
          r.agreement(), minAgreement, r.compared()));
    }
    if (r.accuracy() != null && r.labelled() >= minLabels && r.accuracy() < minAccuracy) {
      out.add(String.format(Locale.ROOT, "online accuracy %.3f under %.3f (%d labels)", r.accuracy(),
          minAccuracy, r.labelled()));
    }
    return out;
  }
}
