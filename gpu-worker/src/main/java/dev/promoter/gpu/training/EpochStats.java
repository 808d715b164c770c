package dev.promoter.gpu.training;

/**
 * One finished epoch.
 *
 * @param epoch              1-based
 * @param trainLoss          mean training loss
 * @param validationLoss     mean loss on the held-back validation records and their fragments
 * @param learningRate       the learning rate the epoch started with
 * @param examples           training examples seen (records plus fragments)
 * @param seconds            wall time of the training passes (not validation)
 * @param sequencesPerSecond {@code examples / seconds}
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double learningRate,
    int examples, double seconds, double sequencesPerSecond) {}
