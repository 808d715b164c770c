package dev.promoter.bpmn.engine;

import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lifecycles on a Camunda 8 cluster (or the embedded engine): what the Temporal client does for
 * Temporal runs. Deploying is idempotent (Zeebe keeps the version of an unchanged file).
 */
public final class CamundaLifecycles {
  /** How long a decision waits for its process to reach the gateway (it normally is there). */
  static final Duration DECISION_TTL = Duration.ofHours(1);
  private final CamundaClient client;

  public CamundaLifecycles(CamundaClient client) {
    this.client = client;
  }

  /** Deploys the processes a server serves: the lifecycle and the rollback it calls. */
  public void deploy() {
    deploy(Processes.served());
  }

  /** Deploys the retrain template too (its timer needs a {@code prepare-retrain} worker). */
  public void deployWithRetrain() {
    deploy(Processes.RESOURCES);
  }

  private void deploy(String[] resources) {
    DeployResourceCommandStep2 command = null;
    for (String resource : resources) {
      command = command == null
          ? client.newDeployResourceCommand().addResourceFromClasspath(resource)
          : command.addResourceFromClasspath(resource);
    }
    command.send().join();
  }

  /** Starts a lifecycle whose run id (the approval message's correlation key) is {@code runId}. */
  public long start(String runId, LifecycleRequest request) {
    return client.newCreateInstanceCommand().bpmnProcessId(Processes.LIFECYCLE).latestVersion()
        .variables(LifecycleVariables.of(runId, request)).send().join().getProcessInstanceKey();
  }

  /**
   * Resumes a run waiting for approval, after the registry recorded the decision. Published once
   * per run (message id), so a repeated publish after a timeout is dropped by the engine.
   */
  public void publishDecision(String runId, boolean approved, String actor, String reason) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("approved", approved);
    v.put("decidedBy", actor);
    v.put("decisionReason", reason);
    client.newPublishMessageCommand().messageName(Processes.APPROVAL_DECIDED).correlationKey(runId)
        .messageId(runId + "/decision").timeToLive(DECISION_TTL).variables(v).send().join();
  }

  /**
   * Tells a run that an operator moved its model's production alias: a blue-green run in its
   * keep-warm window then reads who holds production and ends the window at once if it left the
   * run's version. The message is buffered for {@link #PRODUCTION_MOVED_TTL}, so a rollback in the
   * moment between the switch and the window's subscription opening (the post-promotion check and
   * the old champion's warm split run in it) is caught when the window opens, as Temporal's signal,
   * which a run keeps until it reads it, is. A buffered message is only a hint: a run that finds its
   * own version still in production waits on, and Zeebe correlates a message to a process instance
   * once, so the same hint never wakes a window twice.
   */
  public void publishProductionMoved(String runId) {
    client.newPublishMessageCommand().messageName(Processes.PRODUCTION_MOVED).correlationKey(runId)
        .timeToLive(PRODUCTION_MOVED_TTL).send().join();
  }

  /** How long a {@code production-moved} message waits for its run's window: far longer than the gap. */
  public static final Duration PRODUCTION_MOVED_TTL = Duration.ofMinutes(5);
}
