package dev.promoter.registry;

import java.util.Set;

/**
 * Who a valid token speaks for, with that user's roles as they are now.
 *
 * @param tokenId the token's public id (for the audit trail of what it did)
 * @param user the user
 * @param roles the user's roles, sorted
 */
public record TokenPrincipal(String tokenId, String user, Set<String> roles) {}
