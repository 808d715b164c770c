package dev.promoter.experiment;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.evaluation.EvaluationReport;
import java.time.Duration;

/**
 * What a training run produced.
 *
 * @param bundle         the model with metadata (metrics of the full-length test set included)
 * @param fullLength     evaluation on the held-out records as they are
 * @param fragments      evaluation on seeded 150-500 bp windows of the held-out records
 * @param trainingTime   wall time of featurizing and fitting
 * @param provenanceJson Tribuo provenance as JSON, for the registry
 */
public record TrainingResult(ModelBundle bundle, EvaluationReport fullLength, EvaluationReport fragments,
        Duration trainingTime, String provenanceJson) {
}
