package dev.promoter.bpmn.worker;

import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.workflows.activities.RegistryActivities;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/**
 * The timer fired: records the approval as EXPIRED. If a decision reached the registry first
 * (it is decided there before its message is published), the registry refuses the expiry and
 * the process goes back to wait, where the buffered message correlates at once: the registry's
 * decision wins, so the audit log and the process never disagree.
 */
public final class ExpireApprovalWorker extends ThinWorker {
  private final RegistryActivities registry;

  public ExpireApprovalWorker(RegistryActivities registry) {
    this.registry = registry;
  }

  @Override
  public String jobType() {
    return JobTypes.EXPIRE_APPROVAL;
  }

  @Override
  protected Map<String, Object> work(ActivatedJob job, JobClient client) {
    try {
      registry.decideApproval(string(job, "runId"), "EXPIRED", Workers.SYSTEM_ACTOR,
          "no decision within " + string(job, "approvalTimeout"));
    } catch (ApplicationFailure e) {
      if ("Conflict".equals(e.getType())) {
        return Map.of("expired", false);
      }
      throw e;
    }
    return Map.of("expired", true);
  }
}
