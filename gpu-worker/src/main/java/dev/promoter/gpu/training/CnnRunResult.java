package dev.promoter.gpu.training;

import dev.promoter.evaluation.EvaluationReport;
import dev.promoter.gpu.model.CnnMetadata;
import java.nio.file.Path;

/**
 * A trained and evaluated CNN.
 *
 * @param modelDirectory the DJL model directory (parameters and metadata, metrics included)
 * @param metadata       its metadata
 * @param fullLength     evaluation on the held-out records
 * @param fragments      evaluation on the seeded 150-500 bp windows of the held-out records
 * @param state          the final training state with the epoch log
 */
public record CnnRunResult(Path modelDirectory, CnnMetadata metadata, EvaluationReport fullLength,
    EvaluationReport fragments, TrainingState state) {}
