package dev.promoter.gpu.training;

import ai.djl.Device;
import dev.promoter.evaluation.Evaluator;
import dev.promoter.experiment.HeldOutScoring;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.gpu.model.CnnMetadata;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.sequence.FastaRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains the CNN on a dataset's training half and scores it on its held-out half exactly as the
 * k-mer models are scored: the same {@link Evaluator}, the same seeded test fragments
 * ({@link HeldOutScoring}), the same metric names, so champion and challenger compare
 * on equal terms.
 */
public final class CnnTrainingRun {

  private CnnTrainingRun() {}

  /**
   * @param train         labelled training records
   * @param test          labelled held-out records, disjoint from {@code train}
   * @param datasetDigest lineage
   * @param config        what to train
   * @param devices       where
   * @param workDir       scratch; the model directory ends up in {@code workDir/model}
   * @param resume        where to start
   * @param listener      told after every epoch
   * @return the model directory (metrics in its metadata) and both evaluations
   * @throws IOException if checkpoints or the model cannot be written
   */
  public static CnnRunResult run(List<FastaRecord> train, List<FastaRecord> test, String datasetDigest,
      CnnConfig config, Device[] devices, Path workDir, TrainingState resume, EpochListener listener)
      throws IOException {
    Evaluator.requireDisjoint(train, test);
    TrainedCnn trained = new CnnTrainer(config, devices).train(train, datasetDigest, workDir, resume, listener);
    HeldOutScoring.Score score;
    try (CnnClassifier classifier = CnnClassifier.load(trained.modelDirectory(), devices[0])) {
      score = HeldOutScoring.score(classifier, test);
    }
    Map<String, Double> metrics = score.metrics();
    List<EpochStats> log = trained.state().log();
    metrics.put("epochs", (double) trained.state().epochsDone());
    metrics.put("best_epoch", (double) trained.state().bestEpoch());
    metrics.put("best_validation_loss", trained.state().bestValidationLoss());
    metrics.put("training_seconds", log.stream().mapToDouble(EpochStats::seconds).sum());
    metrics.put("training_sequences_per_second", log.stream().mapToDouble(EpochStats::examples).sum()
        / log.stream().mapToDouble(EpochStats::seconds).sum());
    CnnMetadata metadata = trained.metadata().withMetrics(metrics);
    CnnModelDirectory.writeMetadata(metadata, trained.modelDirectory());
    return new CnnRunResult(trained.modelDirectory(), metadata, score.fullLength(), score.fragments(),
        trained.state());
  }
}
