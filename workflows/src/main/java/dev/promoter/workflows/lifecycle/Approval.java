package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The approval wait: opens the registry's approval request, then waits for an approve or reject
 * Update, or for the policy's timeout. Validation runs before an Update is accepted, so a refused
 * decision never enters the workflow's history.
 */
final class Approval {
  private final LifecycleRequest request;
  private final RunState state;
  private List<String> approvers = List.of();
  private Decision decision;
  private boolean approved;

  Approval(LifecycleRequest request, RunState state) {
    this.request = request;
    this.state = state;
  }

  static Approval notOpen(RunState state) {
    return new Approval(null, state);
  }

  /** Waits for a decision; null when the timeout passed first. */
  Decision await(String runId, RegistryActivities registry, int version) {
    long expiresAt = Workflow.currentTimeMillis() + request.approval().timeout().toMillis();
    approvers = registry.openApproval(runId, request.modelName(), version, "production",
        request.submittedBy(), request.approval().approverRole(), expiresAt);
    // only now, with the approvers known, does the run say it waits: an Update validated
    // earlier would be checked against an empty list
    state.step(Steps.APPROVAL);
    boolean decided = Workflow.await(request.approval().timeout(), () -> decision != null);
    if (!decided) {
      registry.decideApproval(runId, "EXPIRED", ModelLifecycleWorkflowImpl.SYSTEM_ACTOR,
          "no decision within " + request.approval().timeout());
      return null;
    }
    registry.decideApproval(runId, approved ? "APPROVED" : "REJECTED", decision.actor(),
        decision.reason());
    return decision;
  }

  void validate(Decision d) {
    if (request == null || state.status() != LifecycleStatus.AWAITING_APPROVAL || decision != null) {
      throw new IllegalStateException("run " + Workflow.getInfo().getWorkflowId()
          + " is not waiting for approval (it is " + state.status() + ")");
    }
    if (d == null || d.actor() == null || d.actor().isBlank()) {
      throw new IllegalArgumentException("a decision needs an actor");
    }
    if (d.reason() == null || d.reason().isBlank()) {
      throw new IllegalArgumentException("a decision needs a reason for the audit log");
    }
    if (d.actor().equals(request.submittedBy())) {
      throw new IllegalArgumentException(d.actor() + " submitted this run and cannot also decide "
          + "on it (four eyes)");
    }
    if (!approvers.contains(d.actor())) {
      throw new IllegalArgumentException(d.actor() + " does not hold the '"
          + request.approval().approverRole() + "' role; approvers are " + approvers);
    }
  }

  /** Records the decision and answers once the run has acted on it: promoted, rejected, ... */
  LifecycleStatus decide(Decision d, boolean approve) {
    decision = d;
    approved = approve;
    Workflow.await(() -> state.finished());
    return state.status();
  }

  boolean rejected() {
    return decision != null && !approved;
  }
}
