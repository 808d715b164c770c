package dev.promoter.gpu.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import dev.promoter.gpu.DjlSettings;
import dev.promoter.gpu.encoding.OneHotEncoder;
import dev.promoter.gpu.model.CnnArchitecture;
import dev.promoter.gpu.model.CnnMetadata;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.sequence.FastaRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the CNN epoch by epoch, checkpointing after each, and resumes from a checkpoint.
 *
 * <p>Every random choice is seeded: the validation split, the per-class cap and the shuffles from
 * the config's seed; the fragments of epoch {@code e} from the seed and {@code e}, so a resumed
 * run sees the same data in its remaining epochs as an uninterrupted one; weights and dropout
 * from DJL's engine seed. A resumed run restarts Adam's moment estimates (they are not in the
 * checkpoint), so it is close to, not bit-identical with, an uninterrupted run.
 *
 * <p>Not thread-safe across instances: DJL's engine seed is global. The GPU worker runs one
 * training at a time.
 */
public final class CnnTrainer {

  private final CnnConfig config;
  private final Device[] devices;

  /** @param config what to train @param devices where (the first holds the parameters) */
  public CnnTrainer(CnnConfig config, Device[] devices) {
    this.config = config;
    this.devices = devices.clone();
  }

  /**
   * @param records       labelled training records (validation records are held back from them)
   * @param datasetDigest lineage for the metadata
   * @param workDir       scratch directory for checkpoints and the final model directory
   * @param resume        {@link TrainingState#fresh()} or the state of a checkpoint
   * @param listener      told after every epoch, checkpoints written
   * @return the model directory of the best epoch
   * @throws IOException if a checkpoint cannot be written or read
   */
  public TrainedCnn train(List<FastaRecord> records, String datasetDigest, Path workDir, TrainingState resume,
      EpochListener listener) throws IOException {
    DjlSettings.ensureOffline();
    long start = System.nanoTime();
    TrainingData data = TrainingData.prepare(records, config);
    CnnArchitecture architecture = config.architecture(data.labels().size());
    int stepsPerEpoch = (data.examplesPerEpoch() + config.batchSize() - 1) / config.batchSize();
    TrainingState state = resume;
    Engine.getInstance().setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)) + state.epochsDone());
    try (Model model = newModel(architecture, state);
        Trainer trainer = model.newTrainer(trainingConfig(state.epochsDone(), stepsPerEpoch))) {
      trainer.initialize(architecture.inputShape(config.batchSize()));
      for (int epoch = state.epochsDone() + 1; epoch <= config.epochs(); epoch++) {
        if (state.epochsSinceBest() >= config.patience()) {
          break; // early stopping: also honoured when a resumed run had already stopped
        }
        long epochStart = System.nanoTime();
        List<Example> examples = data.epoch(epoch);
        double trainLoss = trainEpoch(trainer, architecture, examples, epoch, listener);
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double validationLoss = validationLoss(trainer, architecture, data.validation());
        if (!Double.isFinite(trainLoss) || !Double.isFinite(validationLoss)) {
          // Not checkpointed: the attempt fails here, naming the epoch, and its retry resumes from
          // the last good checkpoint. Before, such an epoch was checkpointed without a best epoch,
          // and uploading the checkpoint failed on a null path (2026-11-30: on a 2-core AMD EPYC
          // VM, PyTorch's CPU engine turned a network of 8, 8, 8 channels to NaN at its first Adam
          // step in most runs, nondeterministically; 8, 16, 16 did not in the runs made).
          throw new IllegalStateException("epoch " + epoch + " of the CNN ended with a loss that is not finite "
              + "(training " + trainLoss + ", validation " + validationLoss + "): not checkpointed");
        }
        EpochStats stats = new EpochStats(epoch, trainLoss, validationLoss,
            config.learningRate() * Math.pow(config.learningRateDecay(), epoch - 1), examples.size(), seconds,
            examples.size() / seconds);
        state = checkpoint(model, workDir, state, stats);
        listener.afterEpoch(state);
      }
    }
    Path modelDir = workDir.resolve("model");
    CnnModelDirectory.deleteQuietly(modelDir);
    Files.createDirectories(modelDir);
    if (state.bestParameters() == null) {
      throw new IllegalStateException("no epoch improved on an infinite validation loss (NaN losses?): "
          + state.log());
    }
    try (var files = Files.list(state.bestParameters())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".params")).toList()) {
        Files.copy(p, modelDir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    CnnMetadata metadata = new CnnMetadata(CnnMetadata.FORMAT, architecture, data.labels(), config.seed(),
        state.epochsDone(), state.bestEpoch(), datasetDigest, Map.of());
    CnnModelDirectory.writeMetadata(metadata, modelDir);
    return new TrainedCnn(modelDir, metadata, state, (System.nanoTime() - start) / 1e9);
  }

  private Model newModel(CnnArchitecture architecture, TrainingState state) throws IOException {
    if (state.lastParameters() != null) {
      return CnnModelDirectory.loadParameters(state.lastParameters(), architecture, devices[0]);
    }
    Model model = Model.newInstance(CnnModelDirectory.NAME, devices[0]);
    model.setBlock(architecture.newBlock());
    return model;
  }

  /**
   * Adam with a learning rate that decays by {@code learningRateDecay} per epoch, spread evenly
   * over the epoch's steps. DJL's factor tracker counts updates from 0 in every trainer, so a
   * resumed run starts it at the rate the interrupted run had reached.
   */
  private DefaultTrainingConfig trainingConfig(int epochsDone, int stepsPerEpoch) {
    float perStep = (float) Math.pow(config.learningRateDecay(), 1.0 / stepsPerEpoch);
    float base = (float) (config.learningRate() * Math.pow(config.learningRateDecay(), epochsDone));
    Tracker schedule = Tracker.factor().setBaseValue(base).setFactor(perStep).build();
    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build())
        .optDevices(devices);
  }

  private double trainEpoch(Trainer trainer, CnnArchitecture architecture, List<Example> examples, int epoch,
      EpochListener listener) {
    double lossSum = 0;
    int done = 0;
    long nextProgress = System.nanoTime() + EpochListener.PROGRESS_INTERVAL_SECONDS * 1_000_000_000L;
    for (LengthBatches.LengthBatch chunk : batches(examples, architecture, new Random(config.seed() * 131 + epoch))) {
      if (System.nanoTime() > nextProgress) {
        listener.duringEpoch(epoch, done, examples.size());
        nextProgress = System.nanoTime() + EpochListener.PROGRESS_INTERVAL_SECONDS * 1_000_000_000L;
      }
      try (NDManager scope = trainer.getManager().newSubManager()) {
        Batch batch = new Batch(scope, new NDList(input(scope, chunk)), new NDList(labels(scope, chunk.examples())),
            chunk.examples().size(), Batchifier.STACK, Batchifier.STACK, 0, 0);
        try (GradientCollector collector = trainer.newGradientCollector()) {
          for (Batch part : batch.split(trainer.getDevices(), false)) {
            NDArray predictions = trainer.forward(part.getData(), part.getLabels()).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(part.getLabels(), new NDList(predictions));
            lossSum += loss.getFloat() * part.getSize();
            collector.backward(loss);
          }
        }
        trainer.step();
      }
      done += chunk.examples().size();
    }
    return lossSum / examples.size();
  }

  private double validationLoss(Trainer trainer, CnnArchitecture architecture, List<Example> validation) {
    double lossSum = 0;
    for (LengthBatches.LengthBatch chunk : batches(validation, architecture, new Random(0))) {
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList predictions = trainer.evaluate(new NDList(input(scope, chunk)));
        lossSum += trainer.getLoss().evaluate(new NDList(labels(scope, chunk.examples())), predictions).getFloat()
            * chunk.examples().size();
      }
    }
    return lossSum / validation.size();
  }

  /** Batches of similar length, padded to their own length where the network's head masks padding. */
  private List<LengthBatches.LengthBatch> batches(List<Example> examples, CnnArchitecture architecture,
      Random random) {
    return LengthBatches.of(examples, config.batchSize(), architecture, random);
  }

  private TrainingState checkpoint(Model model, Path workDir, TrainingState before, EpochStats stats)
      throws IOException {
    Path last = workDir.resolve("checkpoint-last");
    CnnModelDirectory.saveParameters(model, last);
    List<EpochStats> log = new ArrayList<>(before.log());
    log.add(stats);
    if (stats.validationLoss() < before.bestValidationLoss()) {
      Path best = workDir.resolve("checkpoint-best");
      CnnModelDirectory.saveParameters(model, best);
      return new TrainingState(stats.epoch(), stats.validationLoss(), stats.epoch(), 0, last, best, log);
    }
    return new TrainingState(stats.epoch(), before.bestValidationLoss(), before.bestEpoch(),
        before.epochsSinceBest() + 1, last, before.bestParameters(), log);
  }

  private static NDArray input(NDManager manager, LengthBatches.LengthBatch chunk) {
    return new OneHotEncoder(chunk.length()).encode(manager, chunk.examples().stream().map(Example::sequence).toList());
  }

  private static NDArray labels(NDManager manager, List<Example> chunk) {
    float[] labels = new float[chunk.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = chunk.get(i).label();
    }
    return manager.create(labels);
  }
}
