package dev.promoter.registry;

import java.time.Instant;

/**
 * One row of the append-only security audit: a change to a user, a role or an API token.
 *
 * @param id its position in the log
 * @param at when it was written
 * @param actor who did it
 * @param action {@code add-user}, {@code remove-user}, {@code set-roles}, {@code create-token}, ...
 * @param subject the user name or token id the change is about
 * @param details what changed, never a secret or a hash
 */
public record SecurityAuditEntry(long id, Instant at, String actor, String action, String subject,
    String details) {}
