package dev.promoter.consensus.ensemble;

import dev.promoter.consensus.Weights;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weighted soft vote: the combined probability of a class is the weighted mean of the models'
 * probabilities for it. Every model must score the same classes, because a class one model
 * does not know would silently count as probability 0 for it.
 */
public final class SoftVoteEnsemble {

  /** @return the equally weighted soft vote of {@code models} */
  public EnsemblePrediction vote(List<Map<String, Double>> models) {
    return vote(models, Collections.nCopies(models.size(), 1.0));
  }

  /**
   * @param models one class-probability map per model (probabilities finite, in [0, 1]); a model
   *     whose probabilities are all 0 abstains: its weight leaves the total, and when every model
   *     abstains every combined probability is 0
   * @param weights one non-negative weight per model, not all zero
   * @return the combined prediction
   * @throws IllegalArgumentException on empty input, mismatched counts, bad weights or
   *     probabilities, or models whose class sets differ (the differing classes are named)
   */
  public EnsemblePrediction vote(List<Map<String, Double>> models, List<Double> weights) {
    validate(models, weights);
    // a model with no probability anywhere had nothing to go on (e.g. no countable k-mer): it abstains
    double total = 0;
    for (int i = 0; i < models.size(); i++) {
      total += abstains(models.get(i)) ? 0 : weights.get(i);
    }
    SortedMap<String, Double> combined = new TreeMap<>();
    for (String label : models.get(0).keySet()) {
      double p = 0;
      for (int i = 0; i < models.size(); i++) {
        p += weights.get(i) * models.get(i).get(label);
      }
      combined.put(label, total == 0 ? 0.0 : p / total);
    }
    String best = null;
    for (Map.Entry<String, Double> e : combined.entrySet()) { // label order: first max wins ties
      if (best == null || e.getValue() > combined.get(best)) {
        best = e.getKey();
      }
    }
    return new EnsemblePrediction(best, Collections.unmodifiableSortedMap(combined));
  }

  private static boolean abstains(Map<String, Double> probabilities) {
    return probabilities.values().stream().allMatch(p -> p == 0.0);
  }

  private static void validate(List<Map<String, Double>> models, List<Double> weights) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no models to combine");
    }
    if (weights.size() != models.size()) {
      throw new IllegalArgumentException(weights.size() + " weights for " + models.size() + " models");
    }
    Weights.validate(weights);
    Map<String, Double> first = models.get(0);
    if (first.isEmpty()) {
      throw new IllegalArgumentException("model 1 has no classes");
    }
    for (int i = 0; i < models.size(); i++) {
      Map<String, Double> m = models.get(i);
      if (!m.keySet().equals(first.keySet())) {
        TreeSet<String> missing = new TreeSet<>(first.keySet());
        missing.removeAll(m.keySet());
        TreeSet<String> extra = new TreeSet<>(m.keySet());
        extra.removeAll(first.keySet());
        throw new IllegalArgumentException("model " + (i + 1) + " has different classes than model 1: missing "
            + missing + ", extra " + extra);
      }
      m.forEach((label, p) -> {
        if (p == null || !(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("probability of '" + label + "' must be in [0, 1], got " + p);
        }
      });
    }
  }
}
