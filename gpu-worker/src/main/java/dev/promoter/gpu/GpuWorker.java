package dev.promoter.gpu;

import dev.promoter.workflows.TaskQueues;
import dev.promoter.workflows.activities.TrainingActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * The GPU pool's worker: polls only the {@code gpu} task queue (or the configured override) and
 * serves only training activities, no workflows. One activity at a time by default: a training
 * run already uses the whole device, and DJL's engine seed is global.
 */
public final class GpuWorker implements AutoCloseable {

  private final WorkerFactory factory;

  private GpuWorker(WorkerFactory factory) {
    this.factory = factory;
  }

  /**
   * Starts a worker on {@link TaskQueues#GPU}.
   *
   * @param client     the Temporal connection
   * @param activities usually {@link dev.promoter.gpu.activity.CnnTrainingActivities}
   * @return the running worker; close it to stop polling
   */
  public static GpuWorker start(WorkflowClient client, TrainingActivities activities) {
    return start(client, TaskQueues.GPU, activities, 1);
  }

  /**
   * @param client        the Temporal connection
   * @param taskQueue     the queue to poll
   * @param activities    the training activities to serve
   * @param concurrent    activities run at once
   * @return the running worker; close it to stop polling
   */
  public static GpuWorker start(WorkflowClient client, String taskQueue, TrainingActivities activities,
      int concurrent) {
    DjlSettings.ensureOffline();
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(factory, taskQueue, activities, concurrent);
    factory.start();
    return new GpuWorker(factory);
  }

  /**
   * Adds the GPU queue's worker to a factory the caller starts (e.g. the embedded dev stack,
   * which runs both pools in one process).
   *
   * @param factory    the caller's factory, not started yet
   * @param taskQueue  the queue to poll
   * @param activities the training activities to serve
   * @param concurrent activities run at once
   * @return the worker
   */
  public static Worker register(WorkerFactory factory, String taskQueue, TrainingActivities activities,
      int concurrent) {
    Worker worker = factory.newWorker(taskQueue, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(concurrent).build());
    worker.registerActivitiesImplementations(activities);
    return worker;
  }

  /** @return the factory, e.g. to await termination */
  public WorkerFactory factory() {
    return factory;
  }

  /** Stops polling and waits briefly for running activities to end. */
  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
