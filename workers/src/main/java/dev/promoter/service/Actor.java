package dev.promoter.service;

import java.util.Set;

/**
 * The authenticated principal a request acts as: from a verified token, a session or (dev mode
 * only) the CLI's {@code --as} looked up in the registry. Never built from a request body.
 *
 * @param name the principal's name, as the audit log records it
 * @param roles the roles it holds
 */
public record Actor(String name, Set<String> roles) {
  /** Copies the roles. */
  public Actor {
    roles = Set.copyOf(roles);
  }

  /** Whether this principal holds {@code role}. */
  public boolean has(String role) {
    return roles.contains(role);
  }

  /** Refuses with FORBIDDEN unless this principal holds {@code role}. */
  public void require(String role, String toDoWhat) {
    if (!has(role)) {
      throw ServiceException.forbidden(name + " does not hold the '" + role + "' role needed to "
          + toDoWhat);
    }
  }
}
