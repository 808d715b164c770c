package dev.promoter.worker;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.gpu.GpuWorker;
import dev.promoter.gpu.activity.CnnTrainingActivities;
import io.temporal.worker.WorkerFactory;


/**
 * The GPU pool of this build: the DJL CNN trainer on the {@code gpu} queue. DJL picks the GPU
 * when one is present and the CPU otherwise ({@code PROMOTER_MAX_GPUS} caps it).
 */

final class CnnGpuPool implements GpuPool {
  // One CNN at a time per process: an epoch already uses every core (or the GPU).
  private static final int CONCURRENT_TRAININGS = 1;

  @Override
  public boolean register(WorkerFactory factory, String queue, ArtifactStore store,
      DatasetResolver datasets) {
    GpuWorker.register(factory, queue, new CnnTrainingActivities(store, datasets), CONCURRENT_TRAININGS);
    return true;
  }
}
