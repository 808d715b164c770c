package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.approval.ApprovalRefusedException;
import dev.promoter.workflows.approval.ApprovalRule;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
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
  private long expiresAt = Long.MAX_VALUE;

  Approval(LifecycleRequest request, RunState state) {
    this.request = request;
    this.state = state;
  }

  static Approval notOpen(RunState state) {
    return new Approval(null, state);
  }

  /** Waits for a decision; null when the timeout passed first. */
  Decision await(String runId, RegistryActivities registry, int version) {
    expiresAt = Workflow.currentTimeMillis() + request.approval().timeout().toMillis();
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

  /**
   * The {@link ApprovalRule}, with workflow time. A refusal is an ApplicationFailure whose type
   * names the broken rule, so a client can tell four eyes from a run that no longer waits.
   */
  void validate(Decision d) {
    String status = request == null || state.status() != LifecycleStatus.AWAITING_APPROVAL
        || decision != null ? String.valueOf(state.status()) : "PENDING";
    String actor = d == null ? null : d.actor();
    String role = request == null ? "approver" : request.approval().approverRole();
    boolean holdsRole = actor != null && (approvers.contains(actor)
        || (d.roles() != null && d.roles().contains(role)));
    try {
      ApprovalRule.check(new ApprovalRule.Case(Workflow.getInfo().getWorkflowId(), status,
          request == null ? null : request.submittedBy(), role, actor, holdsRole,
          d == null ? null : d.reason(), Instant.ofEpochMilli(expiresAt),
          Instant.ofEpochMilli(Workflow.currentTimeMillis())));
    } catch (ApprovalRefusedException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.violation().name());
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
