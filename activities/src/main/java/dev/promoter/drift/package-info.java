/**
 * Data drift between the feature matrix a model was trained on and the one it now sees:
 * per-feature two-sample Kolmogorov-Smirnov tests ({@link dev.promoter.drift.KolmogorovSmirnov})
 * and population stability indices ({@link dev.promoter.drift.PopulationStability}), summarised
 * by {@link dev.promoter.drift.DriftDetector} into a {@link dev.promoter.drift.DriftReport}.
 */
package dev.promoter.drift;
