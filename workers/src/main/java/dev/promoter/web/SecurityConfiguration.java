package dev.promoter.web;

import dev.promoter.registry.Roles;
import dev.promoter.service.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Authentication: a Promoter API token ({@code pmt_...}) or, when configured,
 * an OpenID Connect access token, both as {@code Authorization: Bearer}. Authorization: by role
 * per endpoint here, and again in the services for the rules that need the data (four eyes).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
public class SecurityConfiguration {

  /** First: the API's own paths; everything else falls to the web UI's chain (sessions, forms). */
  @Bean
  @org.springframework.core.annotation.Order(1)
  SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, OidcProperties oidc,
      ObjectProvider<OidcUsers> oidcUsers) throws Exception {
    List<AuthenticationProvider> providers = new ArrayList<>();
    providers.add(new ApiTokenProvider(tokens));
    if (oidc.enabled()) {
      JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder(oidc));
      OidcUsers users = oidcUsers.getIfAvailable(() -> OidcUsers.NONE);
      jwt.setJwtAuthenticationConverter(new OidcRoles(oidc, users));
      providers.add(jwt);
    }
    ProviderManager manager = new ProviderManager(providers);
    http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .csrf(c -> c.disable()) // bearer tokens only: no cookie a browser would send on its own
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> manager)
            .authenticationEntryPoint((req, res, e) -> unauthorized(res, e)))
        .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> unauthorized(res, ex))
            .accessDeniedHandler((req, res, ex) -> Problems.write(res, HttpStatus.FORBIDDEN,
                String.valueOf(req.getUserPrincipal() == null ? "anonymous" : req.getUserPrincipal().getName())
                    + " may not " + req.getMethod() + " " + req.getRequestURI() + ": " + needed(req.getMethod(), req.getRequestURI()))))
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(Roles.VIEWER)
            .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/v1/lifecycles").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.POST, "/api/v1/lifecycles/*/approve", "/api/v1/lifecycles/*/reject").hasRole(Roles.APPROVER)
            .requestMatchers(HttpMethod.PUT, "/api/v1/models/*/aliases/*").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/v1/models/*/aliases/*/rollback").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/v1/models/*/predict").hasRole(Roles.VIEWER)
            .requestMatchers(HttpMethod.POST, "/api/v1/models/*/feedback").hasAnyRole(Roles.SUBMITTER, Roles.APPROVER)
            .requestMatchers(HttpMethod.POST, "/api/v1/schedules").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.DELETE, "/api/v1/schedules/*").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/v1/models/*/drift").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.DELETE, "/api/v1/models/*/drift").hasRole(Roles.ADMIN)
            .requestMatchers("/api/v1/users/**", "/api/v1/users", "/api/v1/tokens/**", "/api/v1/tokens").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
            .anyRequest().denyAll());
    return http.build();
  }

  private static String needed(String method, String uri) {
    if (uri.startsWith("/api/v1/users") || uri.startsWith("/api/v1/tokens")) {
      return "needs the 'admin' role";
    }
    if (uri.startsWith("/api/v1/lifecycles") && method.equals("POST")) {
      return uri.endsWith("/approve") || uri.endsWith("/reject") ? "needs the 'approver' role"
          : "needs the 'submitter' role";
    }
    if (uri.startsWith("/api/v1/models/") && uri.endsWith("/feedback")) {
      return "needs the 'submitter' or 'approver' role";
    }
    if (uri.startsWith("/api/v1/models/") && uri.endsWith("/predict")) {
      return "needs a role";
    }
    if (uri.startsWith("/api/v1/schedules") && method.equals("POST")) {
      return "needs the 'submitter' role";
    }
    if (method.equals("GET") && !uri.startsWith("/actuator/") || uri.equals("/actuator/prometheus")) {
      return "needs a role";
    }
    return "needs the 'admin' role";
  }

  private static void unauthorized(jakarta.servlet.http.HttpServletResponse res,
      AuthenticationException e) throws java.io.IOException {
    res.setHeader("WWW-Authenticate", "Bearer");
    Problems.write(res, HttpStatus.UNAUTHORIZED, e instanceof BadCredentialsException
        || e.getClass().getSimpleName().contains("InvalidBearerToken")
        ? "the bearer token is unknown, expired or revoked"
        : "authentication required: send Authorization: Bearer TOKEN (promoter token create)");
  }

  private static JwtDecoder jwtDecoder(OidcProperties oidc) {
    if (oidc.jwkSetUri() == null || oidc.jwkSetUri().isBlank()) {
      return JwtDecoders.fromIssuerLocation(oidc.issuer());
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuer()));
    return decoder;
  }

  /** Promoter's own API tokens; anything else is left to the next provider. */
  static final class ApiTokenProvider implements AuthenticationProvider {
    private final BearerTokens tokens;

    ApiTokenProvider(BearerTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      String token = ((BearerTokenAuthenticationToken) authentication).getToken();
      if (!token.startsWith("pmt_")) {
        return null;
      }
      Optional<Actor> actor = tokens.authenticate(token);
      if (actor.isEmpty()) {
        throw new BadCredentialsException("the bearer token is unknown, expired or revoked");
      }
      return new ActorAuthentication(actor.get());
    }

    @Override
    public boolean supports(Class<?> type) {
      return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
    }
  }

  /** An authenticated {@link Actor}. */
  static final class ActorAuthentication extends AbstractAuthenticationToken {
    private final Actor actor;

    ActorAuthentication(Actor actor) {
      super(Actors.authorities(actor.roles()));
      this.actor = actor;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return actor.name();
    }

    @Override
    public String getName() {
      return actor.name();
    }

    Collection<String> roles() {
      return actor.roles();
    }
  }
}
