package dev.promoter.gpu.training;

import dev.promoter.gpu.model.CnnMetadata;
import java.nio.file.Path;

/**
 * A finished training run.
 *
 * @param modelDirectory the best epoch's parameters and metadata (without metrics yet)
 * @param metadata       what the directory's metadata file holds
 * @param state          the final state: epochs done, best epoch, the epoch log
 * @param seconds        wall time of this attempt (a resumed attempt counts only its own epochs)
 */
public record TrainedCnn(Path modelDirectory, CnnMetadata metadata, TrainingState state, double seconds) {}
