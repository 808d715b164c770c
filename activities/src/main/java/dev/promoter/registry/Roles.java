package dev.promoter.registry;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only roles a user can hold. The schema enforces the same four with a CHECK constraint;
 * they are repeated here so a bad role is refused with a clear message before any SQL runs.
 */
public final class Roles {
  /** May read models, runs and audit. */
  public static final String VIEWER = "viewer";
  /** May start lifecycles and register models. */
  public static final String SUBMITTER = "submitter";
  /** May approve or reject a staged version (never one they submitted). */
  public static final String APPROVER = "approver";
  /** May manage users and tokens. */
  public static final String ADMIN = "admin";
  /** Every valid role. */
  public static final Set<String> ALL = Set.of(VIEWER, SUBMITTER, APPROVER, ADMIN);

  private Roles() {}

  /**
   * The roles, sorted and checked; refuses an unknown one by naming it and the valid ones.
   * An empty set is allowed: such a user can sign in and hold no role.
   */
  public static Set<String> validated(Collection<String> roles) {
    if (roles == null) {
      throw RegistryException.invalid("roles are required (an empty list is allowed)");
    }
    Set<String> sorted = new TreeSet<>();
    for (String role : roles) {
      if (role == null || !ALL.contains(role)) {
        throw RegistryException.invalid("unknown role '" + role
            + "': use viewer, submitter, approver or admin");
      }
      sorted.add(role);
    }
    return java.util.Collections.unmodifiableSet(sorted);
  }
}
