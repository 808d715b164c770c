package dev.promoter.identity;

import java.util.Set;

/**
 * A user who proved who they are.
 *
 * @param name the user name
 * @param roles the roles they hold now, sorted
 */
public record AuthenticatedUser(String name, Set<String> roles) {}
