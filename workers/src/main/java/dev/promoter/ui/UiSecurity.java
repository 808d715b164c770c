package dev.promoter.ui;

import dev.promoter.identity.AuthenticatedUser;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.Roles;
import dev.promoter.web.Actors;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which page: a form sign-in against the registry's users (bcrypt), a session
 * cookie, CSRF tokens on every form (Spring Security's default, kept on). The role rules here
 * mirror the API's; the services check them again, and the four-eyes rule, on every action.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

  @Bean
  @Order(2)
  SecurityFilterChain ui(HttpSecurity http, IdentityService identity) throws Exception {
    http.authenticationProvider(new PasswordProvider(identity))
        .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
            .failureUrl("/login?error"))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out").permitAll())
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "frame-ancestors 'none'; form-action 'self'")))
        .exceptionHandling(e -> e.accessDeniedPage("/forbidden"))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/forbidden").authenticated()
            .requestMatchers(HttpMethod.GET, "/runs/new").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.POST, "/runs").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.POST, "/approvals/*/decision").hasRole(Roles.APPROVER)
            .requestMatchers(HttpMethod.POST, "/models/*/promote", "/models/*/rollback").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.POST, "/schedules").hasRole(Roles.SUBMITTER)
            .requestMatchers(HttpMethod.POST, "/schedules/*/delete").hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/**").hasRole(Roles.VIEWER)
            .anyRequest().denyAll());
    return http.build();
  }

  /** A registry user's password; roles are read at sign-in and checked again by the services. */
  static final class PasswordProvider implements AuthenticationProvider {
    private final IdentityService identity;

    PasswordProvider(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      String name = authentication.getName();
      Object credentials = authentication.getCredentials();
      char[] password = credentials == null ? new char[0] : credentials.toString().toCharArray();
      Optional<AuthenticatedUser> user = identity.authenticatePassword(name, password);
      java.util.Arrays.fill(password, '\0');
      if (user.isEmpty()) {
        throw new BadCredentialsException("unknown user or wrong password");
      }
      return UsernamePasswordAuthenticationToken.authenticated(user.get().name(), null,
          Actors.authorities(user.get().roles()));
    }

    @Override
    public boolean supports(Class<?> type) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
  }
}
