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
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
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

  /** Registers the configured pools on a new factory and starts polling. */
  public WorkerPools(WorkflowClient client, WorkerProperties props, RegistryDatabase database,
      ArtifactStore store, GpuPool gpuPool) {
    factory = WorkerFactory.newInstance(client);
    DatasetResolver datasets = new DatasetResolver(props.dataRootPath());
    if (props.pools().contains("cpu")) {
      Worker cpu = factory.newWorker(props.cpuQueue());
      cpu.registerWorkflowImplementationTypes(ModelLifecycleWorkflowImpl.class,
          RollbackWorkflowImpl.class, RetrainScheduleWorkflowImpl.class);
      ModelRegistry registry = new ModelRegistry(database.dataSource());
      cpu.registerActivitiesImplementations(
          new RegistryActivitiesImpl(database.dataSource(), CODE_VERSION),
          new dev.promoter.rollout.RolloutActivitiesImpl(database.dataSource()),
          new DeploymentActivitiesImpl(new RegisteredModels(registry, store, new DjlModelLoader()), datasets),
          new KmerTrainingActivities(store, datasets),
          new ConsensusActivitiesImpl());
      started.add("cpu pool on task queue '" + props.cpuQueue() + "'");
    }
    if (props.pools().contains("gpu")) {
      if (gpuPool.register(factory, props.gpuQueue(), store, datasets)) {
        started.add("gpu pool on task queue '" + props.gpuQueue() + "'");
      }
    }
    factory.start();
    started.forEach(s -> log.info("polling: {}", s));
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
