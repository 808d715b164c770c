package dev.promoter.camunda;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.bpmn.worker.ThinWorker;
import dev.promoter.bpmn.worker.TrainCandidateWorker;
import dev.promoter.bpmn.worker.Workers;
import dev.promoter.deploy.DeploymentActivitiesImpl;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.KmerTrainingActivities;
import dev.promoter.gpu.activity.CnnTrainingActivities;
import dev.promoter.gpu.inference.DjlModelLoader;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.rollout.RolloutActivitiesImpl;
import dev.promoter.worker.WorkerPools;
import dev.promoter.worker.WorkerProperties;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe job workers of this process's pools, over the same activity implementations as its
 * Temporal pools. The CPU pool serves every job type but {@code train-cnn}; the GPU pool
 * subscribes only to {@code train-cnn}, as it polls only the {@code gpu} task queue on Temporal.
 */
public final class CamundaWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CamundaWorkers.class);
  /** How long one training heartbeat keeps a job: a crashed worker's job comes back after this. */
  static final Duration TRAINING_LEASE = Duration.ofMinutes(5);
  private final List<JobWorker> open = new ArrayList<>();
  private final List<String> started = new ArrayList<>();
  /** The step of each k-mer training this process runs: see {@link TrainingSteps}. */
  private final TrainingSteps steps = new TrainingSteps();

  /** Opens the workers of the configured pools. */
  public CamundaWorkers(CamundaClient client, WorkerProperties props, RegistryDatabase database,
      ArtifactStore store, Clock clock) {
    DatasetResolver datasets = new DatasetResolver(props.dataRootPath());
    if (props.pools().contains("cpu")) {
      RegistryActivitiesImpl registry = new RegistryActivitiesImpl(database.dataSource(), WorkerPools.CODE_VERSION);
      DeploymentActivitiesImpl evaluation = new DeploymentActivitiesImpl(
          new RegisteredModels(new ModelRegistry(database.dataSource()), store, new DjlModelLoader()), datasets);
      KmerTrainingActivities training = new KmerTrainingActivities(store, datasets);
      List<ThinWorker> cpu = new ArrayList<>(Workers.cpuPool(new LifecycleRuns(database.dataSource()),
          new dev.promoter.registry.Approvals(database.dataSource()),
          registry, evaluation, new RolloutActivitiesImpl(database.dataSource()), clock));
      cpu.add(new TrainCandidateWorker(JobTypes.TRAIN_KMER, (task, progress) -> {
        try {
          return training.trainAndEvaluate(task, beat -> {
            steps.record(task.runId(), beat.candidate(), beat.detail());
            progress.beat(null);
          });
        } finally {
          steps.done(task.runId(), task.candidate().name());
        }
      }, TRAINING_LEASE, client));
      open.addAll(Workers.open(client, cpu, "promoter-cpu"));
      started.add("cpu pool on job types " + cpu.stream().map(ThinWorker::jobType).sorted().toList());
    }
    if (props.pools().contains("gpu")) {
      // the GPU pool subscribes to nothing but train-cnn, one CNN at a time per process (an epoch
      // already uses the GPU or every core); checkpoints resume a retried job
      CnnTrainingActivities cnn = new CnnTrainingActivities(store, datasets);
      TrainCandidateWorker gpu = new TrainCandidateWorker(JobTypes.TRAIN_CNN, cnn::trainAndEvaluate,
          TRAINING_LEASE, client);
      open.add(client.newWorker().jobType(gpu.jobType()).handler(gpu).name("promoter-gpu")
          .timeout(gpu.timeout()).maxJobsActive(1).open());
      started.add("gpu pool on job type [" + gpu.jobType() + "]");
    }
    started.forEach(s -> log.info("Zeebe: {}", s));
  }

  /** The step of each k-mer training this process runs now. */
  public TrainingSteps trainingSteps() {
    return steps;
  }

  /** What is subscribed, in words. */
  public List<String> started() {
    return List.copyOf(started);
  }

  @Override
  public void close() {
    open.forEach(JobWorker::close);
  }
}
