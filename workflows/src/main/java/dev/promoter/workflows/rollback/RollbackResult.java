package dev.promoter.workflows.rollback;

/**
 * The outcome of a rollback.
 *
 * @param modelName the model
 * @param alias the alias
 * @param fromVersion the version it was taken from
 * @param toVersion the version holding it now
 * @param smokeCheck null when the restored version passed its smoke check (or none was asked),
 *     otherwise what failed
 */
public record RollbackResult(String modelName, String alias, int fromVersion, int toVersion,
    String smokeCheck) {}
