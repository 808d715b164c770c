package dev.promoter.worker;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.experiment.DatasetResolver;
import io.temporal.worker.WorkerFactory;

/**
 * Registers the GPU pool's activities on a queue ({@link CnnGpuPool} in this build). A build
 * without a GPU pool uses {@link #NONE}, and then no GPU poller starts.
 */
@FunctionalInterface
public interface GpuPool {
  /** Registers a worker on {@code queue}; false when this build has no GPU pool. */
  boolean register(WorkerFactory factory, String queue, ArtifactStore store, DatasetResolver datasets);

  /** No GPU pool in this build. */
  GpuPool NONE = (factory, queue, store, datasets) -> false;
}
