package dev.promoter.inference;

import java.util.Map;

/**
 * The answer for one sequence.
 *
 * @param label         the most probable class
 * @param confidence    its probability
 * @param probabilities every class's probability, summing to 1, in the model's label order
 */
public record Prediction(String label, double confidence, Map<String, Double> probabilities) {

    /** Copies the map (keeping its order). */
    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
