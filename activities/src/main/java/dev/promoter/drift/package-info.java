/**
 * Data drift between the feature matrix a model was trained on and the one it now sees:
 * per-feature two-sample Kolmogorov-Smirnov tests ({@link dev.promoter.drift.KolmogorovSmirnov})
 * and population stability indices ({@link dev.promoter.drift.PopulationStability}), summarised
 * by {@link dev.promoter.drift.DriftDetector} into a {@link dev.promoter.drift.DriftReport}.
 *
 * <p>The drift monitor's check lives here too: {@link dev.promoter.drift.SequenceSummary} (the
 * columns the prediction log keeps), {@link dev.promoter.drift.TrainingReference} (the same columns
 * over a version's training records, found through lineage),
 * {@link dev.promoter.drift.RetrainTemplates} (the request a retrain starts from) and
 * {@link dev.promoter.drift.DriftCheckActivitiesImpl} (the activity that compares and records).
 */
package dev.promoter.drift;
