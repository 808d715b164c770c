package dev.promoter.gpu.activity;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.StoredArtifact;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.gpu.Devices;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.gpu.training.CnnConfig;
import dev.promoter.gpu.training.CnnRunResult;
import dev.promoter.gpu.training.CnnTrainingRun;
import dev.promoter.gpu.training.EpochListener;
import dev.promoter.gpu.training.TrainingState;
import dev.promoter.training.RrnaDataset;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import dev.promoter.experiment.TrainingProgress;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU pool's training: the CNN, on whatever device {@link Devices} selects. Heartbeats after
 * every epoch with a {@link CnnProgress} whose checkpoints are in the artifact store (and every
 * 10 s within an epoch with the same details, since a CPU epoch can outlast the 2-minute
 * heartbeat timeout); a retried
 * attempt reads the last heartbeat and resumes after its epoch, so no epoch is trained twice.
 * The model goes into the content-addressed store as one deterministic archive, so a retry that
 * reaches the end again stores the same bytes at the same address.
 */
public final class CnnTrainingActivities implements TrainingActivities {

  /** What the registry records as the framework of these models. */
  public static final String FRAMEWORK = "djl";

  private static final Logger log = LoggerFactory.getLogger(CnnTrainingActivities.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArtifactStore store;
  private final DatasetResolver datasets;
  private final EpochListener afterEpoch;

  /** Training that stores models and checkpoints in {@code store}, datasets via {@code datasets}. */
  public CnnTrainingActivities(ArtifactStore store, DatasetResolver datasets) {
    this(store, datasets, EpochListener.NONE);
  }

  /**
   * @param store      models and checkpoints
   * @param datasets   dataset references
   * @param afterEpoch also told after each epoch's heartbeat (tests use it to crash an attempt)
   */
  public CnnTrainingActivities(ArtifactStore store, DatasetResolver datasets, EpochListener afterEpoch) {
    this.store = store;
    this.datasets = datasets;
    this.afterEpoch = afterEpoch;
  }

  @Override
  public TrainedCandidate trainAndEvaluate(TrainingTask task) {
    return trainAndEvaluate(task, TrainingProgress.temporal());
  }

  /**
   * The same training on any engine: {@code progress} carries the checkpoints (a Temporal
   * heartbeat, or a Zeebe job's local variable), and a retried attempt resumes from the last.
   */
  public TrainedCandidate trainAndEvaluate(TrainingTask task, TrainingProgress progress) {
    CnnConfig config;
    RrnaDataset dataset;
    try {
      config = CnnConfig.fromParams(task.candidate().params());
      dataset = datasets.load(task.dataset());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    Device[] devices = Devices.select();
    Path work = null;
    try {
      work = Files.createTempDirectory("promoter-cnn-");
      AtomicReference<CnnProgress> latest = new AtomicReference<>(
          progress.lastCheckpoint(CnnProgress.class).orElse(null));
      TrainingState resume = resume(progress, latest.get(), work);
      CnnRunResult result = CnnTrainingRun.run(dataset.train(), dataset.test(), dataset.digest(), config,
          devices, work, resume, new EpochListener() {
            @Override
            public void afterEpoch(TrainingState state) {
              latest.set(checkpoint(state));
              progress.beat(latest.get());
              afterEpoch.afterEpoch(state);
            }

            @Override
            public void duringEpoch(int epoch, int examples, int total) {
              // keep the activity alive with the checkpoint that is still the latest; a retry
              // resumes from it even if this attempt's first epoch never finished
              progress.beat(latest.get());
            }
          });
      StoredArtifact artifact = store.put(new ByteArrayInputStream(CnnModelDirectory.archive(result.modelDirectory())));
      Map<String, String> params = new TreeMap<>(config.toParams());
      params.put("trainer", task.candidate().trainer());
      return new TrainedCandidate(task.candidate().name(), task.candidate().trainer(), artifact.uri().toString(),
          artifact.sha256(), FRAMEWORK, result.metadata().metrics(), params,
          provenance(config, devices, result, dataset.digest()), dataset.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("CNN training of " + task.candidate().name() + " failed", e);
    } finally {
      CnnModelDirectory.deleteQuietly(work);
    }
  }

  /** The state to start from: the last heartbeat's checkpoint, fetched from the store, or fresh. */
  private TrainingState resume(TrainingProgress progress, CnnProgress p, Path work) throws IOException {
    if (p == null) {
      return TrainingState.fresh();
    }
    log.info("attempt {} resumes after epoch {} (checkpoint sha256:{})", progress.attempt(),
        p.epoch(), p.lastCheckpointSha256());
    Path last = restore(p.lastCheckpointSha256(), work.resolve("resumed-last"));
    Path best = restore(p.bestCheckpointSha256(), work.resolve("resumed-best"));
    return new TrainingState(p.epoch(), p.bestValidationLoss(), p.bestEpoch(), p.epochsSinceBest(), last, best,
        p.log());
  }

  private Path restore(String sha256, Path dir) throws IOException {
    CnnModelDirectory.extract(new ByteArrayInputStream(store.read(sha256)), dir);
    return dir;
  }

  /** Stores both checkpoints (the best one is usually already there: same bytes, same address). */
  private CnnProgress checkpoint(TrainingState state) {
    try {
      String last = store.put(new ByteArrayInputStream(CnnModelDirectory.archive(state.lastParameters()))).sha256();
      String best = store.put(new ByteArrayInputStream(CnnModelDirectory.archive(state.bestParameters()))).sha256();
      return new CnnProgress(state.epochsDone(), state.bestValidationLoss(), state.bestEpoch(),
          state.epochsSinceBest(), last, best, state.log());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the checkpoint of epoch " + state.epochsDone(), e);
    }
  }

  private static String provenance(CnnConfig config, Device[] devices, CnnRunResult result, String datasetDigest) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("trainer", "cnn");
    p.put("framework", FRAMEWORK);
    p.put("djl-version", Engine.getDjlVersion());
    p.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
    p.put("devices", Devices.describe(devices));
    p.put("config", config.toParams());
    p.put("architecture", result.metadata().architecture());
    p.put("labels", result.metadata().labels());
    p.put("dataset-sha256", datasetDigest);
    p.put("epochs", result.state().log());
    p.put("java", System.getProperty("java.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provenance of plain values always serialises", e);
    }
  }
}
