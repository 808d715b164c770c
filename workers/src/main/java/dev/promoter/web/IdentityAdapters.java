package dev.promoter.web;

import dev.promoter.identity.IdentityService;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.UserRecord;
import dev.promoter.registry.Users;
import dev.promoter.service.Actor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

/** The registry's identities behind Spring Security: API tokens, and OIDC users kept in step. */
@Configuration(proxyBeanMethods = false)
class IdentityAdapters {

  /**
   * The registry's API tokens, each answer reused for {@code promoter.http.token-cache} (see
   * {@link CachedBearerTokens} for what that trades).
   */
  @Bean
  BearerTokens bearerTokens(ObjectProvider<IdentityService> identity,
      @Value("${promoter.http.token-cache:1s}") Duration cache) {
    BearerTokens registry = token -> identity.getObject().authenticateToken(token)
        .map(p -> new Actor(p.user(), p.roles()));
    return new CachedBearerTokens(registry, cache, System::nanoTime);
  }

  /**
   * An OIDC user's roles are the identity provider's: the registry's users table follows them
   * (created on first sight, roles updated when the token says otherwise), so the registry's
   * own approval check sees the same roles. Remembered per process to avoid a write per request.
   */
  @Bean
  OidcUsers oidcUsers(ObjectProvider<RegistryDatabase> database) {
    Map<String, Set<String>> synced = new ConcurrentHashMap<>();
    return (name, roles) -> {
      if (roles.equals(synced.get(name))) {
        return;
      }
      Users users = new Users(database.getObject().dataSource());
      java.util.Optional<UserRecord> known = users.find(name);
      if (known.isEmpty()) {
        users.add(name, roles, null, "oidc");
      } else if (!known.get().roles().equals(roles)) {
        users.setRoles(name, roles, "oidc");
      }
      synced.put(name, Set.copyOf(roles));
    };
  }
}
