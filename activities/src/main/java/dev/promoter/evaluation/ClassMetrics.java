package dev.promoter.evaluation;

/**
 * One class's figures; 0 where a ratio would be 0/0 (as scikit-learn's {@code zero_division=0}).
 *
 * @param label     the class
 * @param precision true positives / predicted as this class
 * @param recall    true positives / truly this class
 * @param f1        harmonic mean of precision and recall
 * @param support   number of examples truly of this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
