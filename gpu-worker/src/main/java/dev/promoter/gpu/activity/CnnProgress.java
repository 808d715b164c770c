package dev.promoter.gpu.activity;

import dev.promoter.gpu.training.EpochStats;
import java.util.List;

/**
 * Heartbeat details of a CNN training activity: enough for a retried attempt, on any worker that
 * shares the artifact store, to carry on after the last finished epoch.
 *
 * @param epoch                  epochs finished
 * @param bestValidationLoss     lowest validation loss so far
 * @param bestEpoch              the epoch that reached it
 * @param epochsSinceBest        epochs since then (early stopping)
 * @param lastCheckpointSha256   artifact digest of the parameters after {@code epoch}
 * @param bestCheckpointSha256   artifact digest of the parameters of {@code bestEpoch}
 * @param log                    every finished epoch, once each, across attempts
 */
public record CnnProgress(int epoch, double bestValidationLoss, int bestEpoch, int epochsSinceBest,
    String lastCheckpointSha256, String bestCheckpointSha256, List<EpochStats> log) {}
