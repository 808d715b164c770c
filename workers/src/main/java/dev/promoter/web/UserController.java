package dev.promoter.web;

import dev.promoter.registry.NewToken;
import dev.promoter.registry.TokenInfo;
import dev.promoter.registry.UserInfo;
import dev.promoter.service.UserService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users and tokens, for admins (what `promoter users|token` calls with PROMOTER_URL set). */
@RestController
class UserController {
  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  /** A new user: a null password means tokens only. */
  record NewUser(String name, Set<String> roles, String password) {}

  /** A user's roles. */
  record RolesBody(Set<String> roles) {}

  /** A new password; null removes it (tokens only). */
  record PasswordBody(String password) {}

  /** A new token: whose, how long (ISO-8601, e.g. P30D), what for. */
  record NewTokenBody(String user, Duration ttl, String description) {}

  /** The one time a token's secret is shown. */
  record CreatedToken(String id, String secret, Instant expiresAt) {}

  @PostMapping("/api/v1/users")
  ResponseEntity<Void> add(@RequestBody NewUser body, Authentication who) {
    char[] password = body.password() == null ? null : body.password().toCharArray();
    try {
      users.add(Actors.of(who), body.name(), body.roles(), password);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
    return ResponseEntity.created(URI.create("/api/v1/users/" + body.name())).build();
  }

  @GetMapping("/api/v1/users")
  List<UserInfo> list(Authentication who) {
    return users.list(Actors.of(who));
  }

  @PutMapping("/api/v1/users/{name}/roles")
  ResponseEntity<Void> roles(@PathVariable String name, @RequestBody RolesBody body, Authentication who) {
    users.setRoles(Actors.of(who), name, body.roles());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/v1/users/{name}/password")
  ResponseEntity<Void> password(@PathVariable String name, @RequestBody PasswordBody body, Authentication who) {
    char[] password = body.password() == null ? null : body.password().toCharArray();
    try {
      users.setPassword(Actors.of(who), name, password);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/users/{name}")
  ResponseEntity<Void> remove(@PathVariable String name, Authentication who) {
    users.remove(Actors.of(who), name);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/tokens")
  ResponseEntity<CreatedToken> create(@RequestBody NewTokenBody body, Authentication who) {
    NewToken token = users.createToken(Actors.of(who), body.user(), body.ttl(), body.description());
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
        .body(new CreatedToken(token.id(), token.secret(), token.expiresAt()));
  }

  @GetMapping("/api/v1/tokens")
  List<TokenInfo> tokens(@RequestParam(required = false) String user, Authentication who) {
    return users.tokens(Actors.of(who), user);
  }

  @DeleteMapping("/api/v1/tokens/{id}")
  ResponseEntity<Void> revoke(@PathVariable String id, Authentication who) {
    users.revoke(Actors.of(who), id);
    return ResponseEntity.noContent().build();
  }
}
