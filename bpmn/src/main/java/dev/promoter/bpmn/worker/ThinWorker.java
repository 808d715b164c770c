package dev.promoter.bpmn.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every job worker does around its one call: complete with the changed variables, throw a
 * {@link BpmnError} as a BPMN error, and map the activity implementations' failures the way
 * Temporal does. Bad input, unknown names and conflicts are not retried (the job raises an
 * incident an operator sees); anything else (an unreachable database, a crash) fails the job with
 * one retry less and a back-off, so an outage is never taken for a verdict.
 */
public abstract class ThinWorker implements JobHandler {
  static final Set<String> NON_RETRYABLE = Set.of("BadInput", "NotFound", "Conflict", "Forbidden");
  private static final Logger log = LoggerFactory.getLogger(ThinWorker.class);
  private static final Duration BACKOFF = Duration.ofSeconds(5);

  /** The job type this worker subscribes to. */
  public abstract String jobType();

  /** How long a worker holds an activated job; training overrides it. */
  public Duration timeout() {
    return Duration.ofMinutes(5);
  }

  /** Does the work; returns only the variables it changed (empty for none). */
  protected abstract Map<String, Object> work(ActivatedJob job, JobClient client);

  @Override
  public final void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> changed;
    try {
      changed = work(job, client);
    } catch (BpmnError e) {
      client.newThrowErrorCommand(job).errorCode(e.code()).errorMessage(e.getMessage())
          .variables(Map.of("failure", e.getMessage())).send().join();
      return;
    } catch (ApplicationFailure e) {
      boolean retry = !e.isNonRetryable() && !NON_RETRYABLE.contains(e.getType());
      fail(client, job, e.getOriginalMessage(), retry);
      return;
    } catch (RuntimeException e) {
      fail(client, job, String.valueOf(e.getMessage()), true);
      return;
    }
    client.newCompleteCommand(job).variables(changed).send().join();
  }

  /** What a transient failure on the last retry should do; by default raise an incident. */
  protected void exhausted(JobClient client, ActivatedJob job, String message) {
    client.newFailCommand(job).retries(0).errorMessage(message).send().join();
  }

  private void fail(JobClient client, ActivatedJob job, String message, boolean retry) {
    log.warn("job {} ({} of instance {}) failed{}: {}", job.getKey(), job.getElementId(),
        job.getProcessInstanceKey(), retry ? ", will retry" : " for good", message);
    if (retry && job.getRetries() <= 1) {
      exhausted(client, job, message);
    } else {
      client.newFailCommand(job).retries(retry ? job.getRetries() - 1 : 0)
          .retryBackoff(retry ? BACKOFF : Duration.ZERO).errorMessage(message).send().join();
    }
  }

  /** A required variable. */
  protected static Object required(ActivatedJob job, String name) {
    Object value = job.getVariablesAsMap().get(name);
    if (value == null) {
      throw ApplicationFailure.newNonRetryableFailure("job " + job.getElementId()
          + " needs variable '" + name + "'", "BadInput");
    }
    return value;
  }

  /** A required string variable. */
  protected static String string(ActivatedJob job, String name) {
    return String.valueOf(required(job, name));
  }

  /** A required integer variable. */
  protected static int integer(ActivatedJob job, String name) {
    return ((Number) required(job, name)).intValue();
  }
}
