package dev.promoter.drift;

/** Summary of a drift report; thresholds in {@link DriftDetector}. */
public enum DriftVerdict {
    /** No feature drifted. */
    NONE,
    /** Some features drifted, fewer than {@link DriftDetector#SIGNIFICANT_FRACTION} of them. */
    MODERATE,
    /** At least {@link DriftDetector#SIGNIFICANT_FRACTION} of the features drifted: retrain. */
    SIGNIFICANT
}
