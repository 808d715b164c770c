package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes.Errors;
import dev.promoter.experiment.TrainingProgress;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingTask;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;

/**
 * Trains one candidate (one instance of the multi-instance subprocess). The job type is the
 * pool: {@code train-kmer} for the CPU pool, {@code train-cnn} for the GPU pool, which
 * subscribes to nothing else. The job timeout is sized to training and extended on every
 * heartbeat of the trainer, so a long run keeps its job while a crashed worker's job comes back;
 * checkpoints are kept in a local job variable, so a retried job resumes from the last one
 * ({@link JobProgress}).
 * A candidate that cannot train (bad parameters, or out of retries) is a BPMN error: the
 * experiment goes on without it, as on Temporal.
 */
public final class TrainCandidateWorker extends ThinWorker {
  /** What trains: the same implementation as the Temporal activity, with a heartbeat hook. */
  @FunctionalInterface
  public interface Trainer {
    TrainedCandidate train(TrainingTask task, TrainingProgress progress);
  }

  private final String jobType;
  private final Trainer trainer;
  private final Duration timeout;
  private final CamundaClient engine;

  /**
   * @param jobType {@code train-kmer} or {@code train-cnn}
   * @param trainer the pool's training
   * @param timeout how long one heartbeat keeps the job (a crash is noticed after this)
   * @param engine the client that extends the job's timeout on each heartbeat
   */
  public TrainCandidateWorker(String jobType, Trainer trainer, Duration timeout, CamundaClient engine) {
    this.engine = engine;
    this.jobType = jobType;
    this.trainer = trainer;
    this.timeout = timeout;
  }

  @Override
  public String jobType() {
    return jobType;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    TrainingTask task = new TrainingTask(string(job, "runId"), string(job, "modelName"),
        string(job, "dataset"), LifecycleVariables.candidate(required(job, "candidate")));
    TrainedCandidate trained;
    try {
      trained = trainer.train(task, new JobProgress(job, engine, timeout));
    } catch (ApplicationFailure e) {
      if (e.isNonRetryable() || NON_RETRYABLE.contains(e.getType())) {
        throw new BpmnError(Errors.CANDIDATE_FAILED, e.getOriginalMessage());
      }
      throw e;
    }
    return Map.of("trained", LifecycleVariables.trained(trained));
  }

  @Override
  protected void exhausted(JobClient client, ActivatedJob job, String message) {
    client.newThrowErrorCommand(job).errorCode(Errors.CANDIDATE_FAILED).errorMessage(message)
        .variables(Map.of("failure", message)).send().join();
  }
}
