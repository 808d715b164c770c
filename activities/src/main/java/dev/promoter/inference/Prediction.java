package dev.promoter.inference;

import dev.promoter.training.RrnaLabels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer for one sequence.
 *
 * @param label         the most probable class
 * @param confidence    its probability
 * @param probabilities every class's probability, in the model's label order: summing to 1, or
 *                      all 0 when the model found nothing to go on ({@link #noEvidence})
 */
public record Prediction(String label, double confidence, Map<String, Double> probabilities) {

    /** Copies the map (keeping its order). */
    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }

    /**
     * The answer for a sequence a model cannot read: no countable k-mer (all {@code N}, or
     * shorter than k) for a k-mer model, no A/C/G/T at all for the CNN. Such a record is not
     * evidence of any rRNA, so it is {@code non-rRNA} with confidence 0, and every class's
     * probability is 0, so an ensemble counts the model as abstaining rather than voting.
     *
     * @param labels the model's classes
     * @return non-rRNA, confidence 0
     */
    public static Prediction noEvidence(List<String> labels) {
        Map<String, Double> zeros = new LinkedHashMap<>();
        labels.forEach(label -> zeros.put(label, 0.0));
        return new Prediction(RrnaLabels.NON_RRNA, 0.0, zeros);
    }

    /** @return whether this is a {@link #noEvidence} answer: no class got any probability */
    public boolean isNoEvidence() {
        return probabilities.values().stream().allMatch(p -> p == 0.0);
    }
}
