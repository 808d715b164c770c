package dev.promoter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect access tokens, accepted beside Promoter's own API tokens when configured.
 *
 * @param issuer the issuer every token must name ({@code iss}); empty: OIDC off
 * @param jwkSetUri where the issuer's signing keys are; empty: discovered from the issuer
 * @param rolesClaim the claim that lists the user's Promoter roles
 * @param nameClaim the claim that names the user
 */
@ConfigurationProperties(prefix = "promoter.oidc")
public record OidcProperties(String issuer, String jwkSetUri, String rolesClaim, String nameClaim) {
  /** Whether OIDC tokens are accepted. */
  public boolean enabled() {
    return issuer != null && !issuer.isBlank();
  }
}
