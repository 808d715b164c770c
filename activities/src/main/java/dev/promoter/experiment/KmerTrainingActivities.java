package dev.promoter.experiment;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.StoredArtifact;
import dev.promoter.bundle.ModelBundle;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainingListener;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingBeat;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CPU pool's training: Tribuo k-mer classifiers. Stateless and thread-safe; the model goes
 * into the content-addressed store, so a retried attempt stores the same bytes at the same
 * address. Heartbeats while Tribuo trains, every 10 s (or a third of the activity's heartbeat
 * timeout when that is shorter) and whenever the step changes, with a {@link TrainingBeat}: the
 * step ("featurizing ...", "tree 4/10", "scoring ..."), which clients show as the run's progress.
 */
public final class KmerTrainingActivities implements TrainingActivities {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KmerTrainingActivities.class);
  private static final long BEAT_MILLIS = 10_000;
  private final ArtifactStore store;
  private final DatasetResolver datasets;

  /** Training that stores models in {@code store} and reads datasets through {@code datasets}. */
  public KmerTrainingActivities(ArtifactStore store, DatasetResolver datasets) {
    this.store = store;
    this.datasets = datasets;
  }

  @Override
  public TrainedCandidate trainAndEvaluate(TrainingTask task) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // operators (and the worker-crash drill) see which process trains what, and which attempt
    log.info("training candidate {} of run {} (attempt {})", task.candidate().name(), task.runId(),
        context.getInfo().getAttempt());
    java.time.Duration timeout = context.getInfo().getHeartbeatTimeout();
    long beat = timeout == null || timeout.isZero() ? BEAT_MILLIS
        : Math.max(100, Math.min(BEAT_MILLIS, timeout.toMillis() / 3));
    return trainAndEvaluate(task, context::heartbeat, beat);
  }

  /**
   * The same training for an engine other than Temporal (a Zeebe job worker): {@code heartbeat}
   * is told every 10 s while Tribuo trains, so the caller can keep its job alive, and at once
   * whenever the step changes, so the caller can show where the training got to.
   */
  public TrainedCandidate trainAndEvaluate(TrainingTask task,
      java.util.function.Consumer<TrainingBeat> heartbeat) {
    return trainAndEvaluate(task, heartbeat, BEAT_MILLIS);
  }

  private TrainedCandidate trainAndEvaluate(TrainingTask task,
      java.util.function.Consumer<TrainingBeat> heartbeat, long beatMillis) {
    TrainerConfig config;
    RrnaDataset dataset;
    try {
      config = CandidateTrainerConfig.of(task.candidate());
      dataset = datasets.load(task.dataset());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
    }
    TrainingResult result = withHeartbeats(task, heartbeat, beatMillis,
        listener -> TrainingRun.run(dataset, config, listener));
    StoredArtifact artifact = store(result.bundle());
    Map<String, String> params = new TreeMap<>(task.candidate().params());
    params.put("trainer", task.candidate().trainer());
    params.put("k", Integer.toString(config.k()));
    params.put("seed", Long.toString(config.seed()));
    return new TrainedCandidate(task.candidate().name(), task.candidate().trainer(),
        artifact.uri().toString(), artifact.sha256(), "tribuo",
        result.bundle().metadata().metrics(), params, result.provenanceJson(), dataset.digest());
  }

  private StoredArtifact store(ModelBundle bundle) {
    try {
      Path dir = Files.createTempDirectory("promoter-model-");
      Path archive = Files.createTempFile("promoter-model-", ".zip");
      try {
        bundle.write(dir);
        try (OutputStream out = Files.newOutputStream(archive)) {
          ModelBundle.writeArchive(dir, out);
        }
        return store.put(archive);
      } finally {
        Files.deleteIfExists(archive);
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the trained model", e);
    }
  }

  /**
   * Runs {@code work} while a daemon thread heartbeats the latest step on a fixed beat; a new
   * step is also sent at once (the SDK throttles what reaches the server).
   */
  private static <T> T withHeartbeats(TrainingTask task, java.util.function.Consumer<TrainingBeat> heartbeat,
      long beatMillis, java.util.function.Function<TrainingListener, T> work) {
    String candidate = task.candidate().name();
    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "heartbeat-" + candidate);
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    // written and read on the heartbeat thread only, so beats go out in the order of the steps
    AtomicReference<String> step = new AtomicReference<>("starting");
    Runnable send = () -> heartbeat.accept(new TrainingBeat(candidate, step.get(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
    beat.scheduleAtFixedRate(send, 0, beatMillis, TimeUnit.MILLISECONDS);
    try {
      return work.apply(detail -> beat.execute(() -> {
        // on the heartbeat thread, so a slow or failing heartbeat never stalls the training
        step.set(detail);
        send.run();
      }));
    } finally {
      // the last steps' beats still go out (in order); the periodic one stops
      beat.shutdown();
      try {
        beat.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      beat.shutdownNow();
    }
  }
}
