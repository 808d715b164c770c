package dev.promoter.registry;

/**
 * The result of a promotion or rollback.
 *
 * @param modelName the model
 * @param alias the alias that moved
 * @param fromVersion the previous holder, or null if the alias was new
 * @param toVersion the holder now
 * @param changed false when the version already held the alias and nothing was written
 * @param auditId the audit row written, or 0 when nothing changed
 */
public record AliasMove(
    String modelName, String alias, Integer fromVersion, int toVersion, boolean changed, long auditId) {}
