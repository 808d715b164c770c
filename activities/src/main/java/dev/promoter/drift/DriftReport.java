package dev.promoter.drift;

import java.util.Comparator;
import java.util.List;

/**
 * Drift between a reference and a new feature matrix.
 *
 * @param features        per-feature results, in feature order
 * @param driftedFeatures how many features drifted
 * @param ksThreshold     the per-feature p-value threshold used (0.01 / number of features)
 * @param verdict         summary
 */
public record DriftReport(List<FeatureDrift> features, int driftedFeatures, double ksThreshold,
        DriftVerdict verdict) {

    /** Copies the list. */
    public DriftReport {
        features = List.copyOf(features);
    }

    /**
     * @param n how many
     * @return the features with the largest PSI first
     */
    public List<FeatureDrift> topByPsi(int n) {
        return features.stream().sorted(Comparator.comparingDouble(FeatureDrift::psi).reversed()).limit(n).toList();
    }
}
