package dev.promoter.registry;

import java.time.Instant;
import java.util.Set;

/**
 * A user as listings show it: never the password hash.
 *
 * @param name the user name
 * @param roles the roles held, sorted
 * @param hasPassword whether the user can sign in with a password (else tokens only)
 * @param createdAt when the user was added (for users from before identity: when it was migrated)
 */
public record UserInfo(String name, Set<String> roles, boolean hasPassword, Instant createdAt) {}
