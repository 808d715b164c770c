package dev.promoter.workflows.rollback;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Restores an alias's previous holder from the registry's audit history. */
@WorkflowInterface
public interface RollbackWorkflow {
  /** Rolls back and smoke-checks the restored version. */
  @WorkflowMethod
  RollbackResult rollback(RollbackRequest request);
}
