package dev.promoter.web;

import java.util.Set;

/**
 * Records an OIDC user and the roles its token grants in the registry, so the registry's own
 * approval check (which reads roles from its users table) sees what the identity provider says.
 */
public interface OidcUsers {
  /** Does nothing: for tests without a registry. */
  OidcUsers NONE = (name, roles) -> {};

  /** Makes the registry's roles for {@code name} equal to {@code roles}. */
  void sync(String name, Set<String> roles);
}
