package dev.promoter.registry;

import java.time.Instant;

/**
 * One row of the append-only audit log.
 *
 * @param id its position in the log
 * @param at when it was written
 * @param actor who did it
 * @param action {@code register}, {@code promote}, {@code rollback}, {@code reject}, ...
 * @param modelName the model
 * @param version the version acted on (for an alias move: the new holder), or null
 * @param alias the alias moved, or null
 * @param fromVersion for an alias move: the previous holder, or null
 * @param reason why, in the actor's words
 * @param operator whether an operator (admin) made this move by hand, outside any lifecycle
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String modelName,
    Integer version, String alias, Integer fromVersion, String reason, boolean operator) {}
