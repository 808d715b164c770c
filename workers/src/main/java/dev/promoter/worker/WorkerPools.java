package dev.promoter.worker;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.consensus.ConsensusActivitiesImpl;
import dev.promoter.deploy.DeploymentActivitiesImpl;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.KmerTrainingActivities;
import dev.promoter.gpu.inference.DjlModelLoader;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflowImpl;
import dev.promoter.workflows.retrain.RetrainScheduleWorkflowImpl;
import dev.promoter.workflows.rollback.RollbackWorkflowImpl;
import dev.promoter.workflows.activities.TrainingActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools this process runs, as real Temporal pollers. Activities are stateless and shared
 * by all poller threads.
 */
public final class WorkerPools implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPools.class);
  /** Recorded in each registered version's lineage. */
  public static final String CODE_VERSION = "promoter-0.1.0";
  private final WorkerFactory factory;
  private final List<String> started = new ArrayList<>();

  /**
   * Registers the configured pools on a new factory and starts polling.
   *
   * @param embeddedTemporal whether {@code client} talks to the dev stack's test server, which
   *     decides the default sticky timeout (see {@link PoolTuning#stickyTimeout()})
   */
  public WorkerPools(WorkflowClient client, WorkerProperties props, PoolTuning tuning,
      boolean embeddedTemporal, RegistryDatabase database, ArtifactStore store, GpuPool gpuPool) {
    factory = WorkerFactory.newInstance(client);
    DatasetResolver datasets = new DatasetResolver(props.dataRootPath());
    if (props.pools().contains("cpu")) {
      Worker cpu = factory.newWorker(props.cpuQueue(), cpuOptions(tuning, embeddedTemporal));
      cpu.registerWorkflowImplementationTypes(workflowOptions(tuning),
          ModelLifecycleWorkflowImpl.class, RollbackWorkflowImpl.class,
          RetrainScheduleWorkflowImpl.class, dev.promoter.workflows.drift.DriftMonitorWorkflowImpl.class);
      ModelRegistry registry = new ModelRegistry(database.dataSource());
      cpu.registerActivitiesImplementations(
          new RegistryActivitiesImpl(database.dataSource(), CODE_VERSION),
          new dev.promoter.rollout.RolloutActivitiesImpl(database.dataSource()),
          new DeploymentActivitiesImpl(new RegisteredModels(registry, store, new DjlModelLoader()), datasets),
          new KmerTrainingActivities(store, datasets),
          new ConsensusActivitiesImpl(),
          new dev.promoter.drift.DriftCheckActivitiesImpl(database.dataSource(), datasets));
      started.add("cpu pool on task queue '" + props.cpuQueue() + "'"
          + (tuning.cpuSlots() > 0 ? " (" + tuning.cpuSlots() + " activity slots)" : ""));
    }
    if (props.pools().contains("gpu")) {
      if (gpuPool.register(factory, props.gpuQueue(), store, datasets)) {
        started.add("gpu pool on task queue '" + props.gpuQueue() + "'");
      }
    }
    factory.start();
    started.forEach(s -> log.info("polling: {}", s));
  }

  /**
   * How often at most a training's heartbeat reaches the server. The SDK's default (0.8 of the
   * heartbeat timeout, at most 60 s) would show a candidate's step ("tree 4/10") a minute late;
   * one call every 2 s per training is cheap.
   */
  static final java.time.Duration HEARTBEAT_THROTTLE = java.time.Duration.ofSeconds(2);

  /**
   * How long a workflow task may run without yielding before the SDK calls it a deadlock, on the
   * embedded dev stack. The SDK's 1 s suits a worker with cores to itself; the dev stack runs the
   * workflow threads in the same JVM as three CPU-bound trainings (and the server, and Postgres)
   * on what may be a 2-core laptop, where a workflow task that needs milliseconds can wait over a
   * second for a core or behind a GC pause, and `demo` failed under load with a
   * PotentialDeadlockException although nothing was stuck. Against a cluster the SDK's default
   * stays: there a real deadlock should surface fast.
   */
  static final long EMBEDDED_DEADLOCK_DETECTION_MILLIS = 10_000;

  /**
   * The CPU pool's worker: its sticky timeout by server kind, its activity slots, its heartbeat
   * throttle, and on the embedded server a longer deadlock detection.
   */
  static WorkerOptions cpuOptions(PoolTuning tuning, boolean embeddedTemporal) {
    WorkerOptions.Builder options = WorkerOptions.newBuilder()
        .setStickyQueueScheduleToStartTimeout(tuning.stickyTimeout(embeddedTemporal))
        .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
    if (embeddedTemporal) {
      options.setDefaultDeadlockDetectionTimeout(EMBEDDED_DEADLOCK_DETECTION_MILLIS);
    }
    if (tuning.cpuSlots() > 0) {
      options.setMaxConcurrentActivityExecutionSize(tuning.cpuSlots());
    }
    return options.build();
  }

  // The workflow code fixes each step's timeouts; the training heartbeat is the one an operator
  // tunes (how soon a dead worker's training moves on), so it comes from this worker's settings.
  // Only the scheduling command's attributes change, which replay does not compare.
  static WorkflowImplementationOptions workflowOptions(PoolTuning tuning) {
    return WorkflowImplementationOptions.newBuilder()
        .setActivityOptions(Map.of(TrainingActivities.TRAIN_AND_EVALUATE,
            ActivityOptions.newBuilder().setHeartbeatTimeout(tuning.trainingHeartbeat()).build()))
        .build();
  }

  /** What is polling, in words. */
  public List<String> started() {
    return List.copyOf(started);
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
