package dev.promoter.bpmn.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.experiment.TrainingProgress;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A training job's heartbeat on Zeebe: every beat extends the job's timeout by the lease, and a
 * new checkpoint is stored as the local variable {@value #CHECKPOINT} of the job's element
 * instance, which the next activation of the same job (after a crash or a failure) reads back.
 * Local, so it never reaches the process's own variables.
 */
final class JobProgress implements TrainingProgress {
  static final String CHECKPOINT = "checkpoint";
  /** The retries the BPMN file gives a training task; attempts are counted from them. */
  static final int TRAINING_RETRIES = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ActivatedJob job;
  private final CamundaClient engine;
  private final Duration lease;
  private Object stored;

  JobProgress(ActivatedJob job, CamundaClient engine, Duration lease) {
    this.job = job;
    this.engine = engine;
    this.lease = lease;
  }

  @Override
  public <T> Optional<T> lastCheckpoint(Class<T> type) {
    Object value = job.getVariablesAsMap().get(CHECKPOINT);
    return value == null ? Optional.empty() : Optional.of(JSON.convertValue(value, type));
  }

  @Override
  public synchronized void beat(Object checkpoint) {
    if (checkpoint != null && !Objects.equals(checkpoint, stored)) {
      engine.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of(CHECKPOINT, checkpoint))
          .local(true).send().join();
      stored = checkpoint;
    }
    engine.newUpdateTimeoutCommand(job).timeout(lease).send().join();
  }

  @Override
  public int attempt() {
    return Math.max(1, TRAINING_RETRIES - job.getRetries() + 1);
  }
}
