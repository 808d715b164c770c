package dev.promoter.web;

import dev.promoter.registry.Roles;
import dev.promoter.service.Actor;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** An OIDC access token's user and roles: the name claim, and Promoter roles in the roles claim. */
final class OidcRoles implements Converter<Jwt, AbstractAuthenticationToken> {
  private final OidcProperties oidc;
  private final OidcUsers users;

  OidcRoles(OidcProperties oidc, OidcUsers users) {
    this.oidc = oidc;
    this.users = users;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String nameClaim = oidc.nameClaim() == null || oidc.nameClaim().isBlank() ? "sub" : oidc.nameClaim();
    String name = jwt.getClaimAsString(nameClaim);
    if (name == null || name.isBlank()) {
      throw new org.springframework.security.authentication.BadCredentialsException(
          "the access token has no '" + nameClaim + "' claim");
    }
    Object claim = jwt.getClaim(oidc.rolesClaim() == null ? "roles" : oidc.rolesClaim());
    Set<String> roles = claim instanceof Collection<?> c
        ? c.stream().map(String::valueOf).filter(Roles.ALL::contains).collect(Collectors.toSet())
        : Set.of();
    users.sync(name, roles);
    return new SecurityConfiguration.ActorAuthentication(new Actor(name, roles));
  }
}
