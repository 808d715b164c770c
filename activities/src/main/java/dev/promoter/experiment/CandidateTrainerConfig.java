package dev.promoter.experiment;

import dev.promoter.training.Augmentation;
import dev.promoter.training.Hyperparameters;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import java.util.Map;
import java.util.Set;

/**
 * Turns a lifecycle candidate (trainer name + string parameters, as a workflow input carries
 * them) into a {@link TrainerConfig}. Unknown parameters are refused rather than ignored, so a
 * typo cannot silently train the default.
 */
public final class CandidateTrainerConfig {
  private static final Set<String> KNOWN = Set.of("k", "seed", "canonical", "epochs",
      "learning-rate", "trees", "max-depth", "fragments");

  private CandidateTrainerConfig() {}

  /** The trainer configuration, or {@link IllegalArgumentException} naming the bad parameter. */
  public static TrainerConfig of(CandidateConfig candidate) {
    Map<String, String> p = candidate.params();
    p.keySet().forEach(key -> {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException("candidate '" + candidate.name() + "' has unknown parameter '"
            + key + "'; known: " + KNOWN.stream().sorted().toList());
      }
    });
    TrainerConfig config = TrainerConfig.defaults(TrainerKind.parse(candidate.trainer()));
    if (p.containsKey("k")) {
      config = config.withK(integer(candidate, "k"));
    }
    if (p.containsKey("seed")) {
      config = config.withSeed(Long.parseLong(p.get("seed")));
    }
    Hyperparameters h = config.hyperparameters();
    if (p.containsKey("epochs") || p.containsKey("learning-rate")) {
      h = h.withSgd(p.containsKey("epochs") ? integer(candidate, "epochs") : h.epochs(),
          p.containsKey("learning-rate") ? Double.parseDouble(p.get("learning-rate")) : h.learningRate());
    }
    if (p.containsKey("trees") || p.containsKey("max-depth")) {
      h = h.withTrees(p.containsKey("trees") ? integer(candidate, "trees") : h.trees(),
          p.containsKey("max-depth") ? integer(candidate, "max-depth") : h.maxDepth());
    }
    config = config.withHyperparameters(h);
    if (p.containsKey("fragments")) {
      config = config.withAugmentation(Augmentation.reads(integer(candidate, "fragments")));
    }
    if (Boolean.parseBoolean(p.getOrDefault("canonical", "false"))) {
      config = new TrainerConfig(config.trainer(), config.k(), true, config.seed(),
          config.hyperparameters(), config.augmentation(), config.balanceClasses());
    }
    return config;
  }

  private static int integer(CandidateConfig candidate, String key) {
    try {
      return Integer.parseInt(candidate.params().get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("candidate '" + candidate.name() + "' parameter '" + key
          + "' is '" + candidate.params().get(key) + "', not a whole number");
    }
  }
}
