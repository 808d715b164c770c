package dev.promoter.drift;

/**
 * Drift of one feature.
 *
 * @param feature     its name (the k-mer) or index
 * @param ksStatistic Kolmogorov-Smirnov D
 * @param ksPValue    asymptotic p-value of D
 * @param psi         population stability index
 * @param drifted     whether the detector counts it as drifted
 */
public record FeatureDrift(String feature, double ksStatistic, double ksPValue, double psi, boolean drifted) {
}
