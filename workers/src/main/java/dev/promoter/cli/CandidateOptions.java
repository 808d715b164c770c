package dev.promoter.cli;

import dev.promoter.service.LifecycleSpec;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that describe a lifecycle run, shared by {@code lifecycle start} and {@code schedule create}. */
final class CandidateOptions {
  @Option(names = "--model", required = true, description = "the model the run may produce a version of")
  String model;

  @Option(names = "--data", defaultValue = "data/rrna", description = "dataset folder (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--candidates", split = ",", defaultValue = "logreg,xgboost,forest",
      description = "trainers to compare: logreg, xgboost, forest, cnn (default: ${DEFAULT-VALUE})")
  List<String> candidates;

  @Option(names = "--param", paramLabel = "CANDIDATE.KEY=VALUE",
      description = "a trainer parameter, e.g. logreg.epochs=4 or forest.trees=100")
  List<String> params = new ArrayList<>();

  @Option(names = "--metric", defaultValue = "macro_f1", description = "deciding metric (default: ${DEFAULT-VALUE})")
  String metric;

  @Option(names = "--min", defaultValue = "0.9", description = "minimum metric to register (default: ${DEFAULT-VALUE})")
  double minimum;

  @Option(names = "--margin", defaultValue = "0.0", description = "how much to beat the champion by (default: ${DEFAULT-VALUE})")
  double margin;

  @Option(names = "--approval-timeout", defaultValue = "P7D", description = "ISO-8601 duration (default: ${DEFAULT-VALUE})")
  Duration approvalTimeout;

  @Option(names = "--approval-decides", paramLabel = "WHEN",
      description = "before-rollout (default) or after-canary: the approver decides after the canary's lower steps")
  String decides;

  @Option(names = "--strategy", description = "deployment: direct (default), canary, shadow, ab or blue-green")
  String strategy;

  @Option(names = "--steps", split = ",", description = "canary traffic shares in %%, ending at 100 (default 10,25,50,100)")
  List<Integer> steps;

  @Option(names = "--bake", description = "how long each canary step (or the shadow) runs before its gates are read, ISO-8601 (default PT10M)")
  Duration bake;

  @Option(names = "--max-error-rate", description = "gate: the candidate's own error rate, at most (default 0.01)")
  Double maxErrorRate;

  @Option(names = "--max-p99-ms", description = "gate: its p99 latency in ms, at most (default 250)")
  Double maxP99Ms;

  @Option(names = "--min-agreement", description = "gate: agreement with the champion on the same requests, at least (default 0.9)")
  Double minAgreement;

  @Option(names = "--min-accuracy", description = "gate: online accuracy from feedback, at least (default 0.8)")
  Double minAccuracy;

  @Option(names = "--min-labels", description = "labels needed before accuracy is judged (default 20)")
  Integer minLabels;

  @Option(names = "--min-requests", description = "requests per step needed before a step is judged (default 20)")
  Integer minRequests;

  @Option(names = "--shadow-percent", description = "shadow: the share of production requests the candidate also scores (default 100)")
  Integer shadowPercent;

  @Option(names = "--ab-percent", description = "ab: the challenger's share of traffic (default 50)")
  Integer abPercent;

  @Option(names = "--min-sample", description = "ab: labels each arm needs before a winner is named (default 100)")
  Integer minSample;

  @Option(names = "--significance", description = "ab: the two-sided p-value under which the accuracies differ (default 0.05)")
  Double significance;

  @Option(names = "--sample-size", description = "ab: stop once each arm has this many labels, before the bake time is up (default: run for the bake time)")
  Integer sampleSize;

  @Option(names = "--keep-warm", paramLabel = "DURATION",
      description = "blue-green: how long the old champion stays loaded after the switch, e.g. 15m or PT15M (default 15m)")
  String keepWarm;

  @Option(names = "--warm-timeout", paramLabel = "DURATION",
      description = "blue-green: how long every serving replica has to warm the candidate, e.g. 5m (default 5m)")
  String warmTimeout;

  /** The run as asked for; the application layer checks it and names the submitter. */
  LifecycleSpec spec() {
    List<LifecycleSpec.Candidate> specs = candidates(candidates, params).stream()
        .map(c -> new LifecycleSpec.Candidate(c.name(), c.trainer(), null, c.params())).toList();
    LifecycleSpec.Deployment deployment = strategy == null ? null : new LifecycleSpec.Deployment(strategy,
        steps, bake, maxErrorRate, maxP99Ms, minAgreement, minAccuracy, minLabels, minRequests, shadowPercent, abPercent,
        minSample, significance, sampleSize, duration(keepWarm, "--keep-warm"), duration(warmTimeout, "--warm-timeout"));
    return new LifecycleSpec(model, data, specs, metric, minimum, margin,
        new LifecycleSpec.Approval(approvalTimeout, decides), null, deployment);
  }

  /** A duration as typed ({@code 15m}, {@code PT15M}), or null when the option was not given. */
  private static Duration duration(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return dev.promoter.service.Durations.parse(text, option);
    } catch (dev.promoter.service.ServiceException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** Candidates named by trainer, with {@code CANDIDATE.KEY=VALUE} parameters. */
  static List<CandidateConfig> candidates(List<String> trainers, List<String> params) {
    Map<String, Map<String, String>> byCandidate = new HashMap<>();
    for (String p : params) {
      int dot = p.indexOf('.');
      int eq = p.indexOf('=');
      if (dot < 1 || eq < dot + 2) {
        throw new BadInputException("--param '" + p + "' is not CANDIDATE.KEY=VALUE");
      }
      byCandidate.computeIfAbsent(p.substring(0, dot), k -> new HashMap<>())
          .put(p.substring(dot + 1, eq), p.substring(eq + 1));
    }
    return trainers.stream()
        .map(name -> new CandidateConfig(name, name, null, byCandidate.getOrDefault(name, Map.of())))
        .toList();
  }
}
