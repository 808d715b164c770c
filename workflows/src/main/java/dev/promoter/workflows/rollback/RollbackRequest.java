package dev.promoter.workflows.rollback;

import java.util.Map;

/**
 * Roll an alias back.
 *
 * @param modelName the model
 * @param alias the alias, usually {@code production}
 * @param actor who asks
 * @param reason why, for the audit log
 * @param fromVersion the version to take the alias from: if someone moved it meanwhile, the
 *     rollback refuses instead of undoing their change
 * @param dataset dataset for the smoke check of the restored version, or null to skip it
 * @param taskQueues pool name to task queue
 */
public record RollbackRequest(String modelName, String alias, String actor, String reason,
    int fromVersion, String dataset, Map<String, String> taskQueues) {}
