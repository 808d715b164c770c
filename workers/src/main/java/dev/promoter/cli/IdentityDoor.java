package dev.promoter.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.NewToken;
import dev.promoter.registry.TokenInfo;
import dev.promoter.registry.UserInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where `promoter users|token` act: the REST API as the token's admin when PROMOTER_URL is set,
 * otherwise the registry database directly (dev mode, or an operator bootstrapping production
 * with the database's own credentials: whoever can write the database is its superuser anyway).
 */
interface IdentityDoor extends AutoCloseable {
  void addUser(String name, Set<String> roles, char[] password);

  List<UserInfo> listUsers();

  void removeUser(String name);

  void setRoles(String name, Set<String> roles);

  void setPassword(String name, char[] password);

  NewToken createToken(String user, Duration ttl, String description);

  List<TokenInfo> listTokens(String user);

  void revokeToken(String id);

  @Override
  void close();

  static IdentityDoor open() {
    String url = Operations.url();
    if (url == null) {
      return new Local(StackSession.open());
    }
    RemoteOperations remote = (RemoteOperations) Operations.open(null);
    return new Remote(remote);
  }

  /** The registry database, acting as the local OS user. */
  final class Local implements IdentityDoor {
    private final StackSession stack;

    Local(StackSession stack) {
      this.stack = stack;
    }

    private IdentityService identity() {
      return stack.get(IdentityService.class);
    }

    @Override public void addUser(String name, Set<String> roles, char[] password) {
      identity().addUser(name, roles, password, LocalActor.name());
    }

    @Override public List<UserInfo> listUsers() {
      return identity().listUsers();
    }

    @Override public void removeUser(String name) {
      identity().removeUser(name, LocalActor.name());
    }

    @Override public void setRoles(String name, Set<String> roles) {
      identity().setRoles(name, roles, LocalActor.name());
    }

    @Override public void setPassword(String name, char[] password) {
      identity().setPassword(name, password, LocalActor.name());
    }

    @Override public NewToken createToken(String user, Duration ttl, String description) {
      return identity().createToken(user, ttl, LocalActor.name(), description);
    }

    @Override public List<TokenInfo> listTokens(String user) {
      return identity().listTokens(user);
    }

    @Override public void revokeToken(String id) {
      identity().revokeToken(id, LocalActor.name());
    }

    @Override public void close() {
      stack.close();
    }
  }

  /** The REST API, as the admin whose token PROMOTER_TOKEN is. */
  final class Remote implements IdentityDoor {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final RemoteOperations api;

    Remote(RemoteOperations api) {
      this.api = api;
    }

    @Override public void addUser(String name, Set<String> roles, char[] password) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("roles", roles);
      body.put("password", password == null ? null : new String(password));
      api.call("POST", "/api/v1/users", body);
    }

    @Override public List<UserInfo> listUsers() {
      return JSON.convertValue(api.call("GET", "/api/v1/users", null), new TypeReference<>() {});
    }

    @Override public void removeUser(String name) {
      api.call("DELETE", "/api/v1/users/" + RemoteOperations.encode(name), null);
    }

    @Override public void setRoles(String name, Set<String> roles) {
      api.call("PUT", "/api/v1/users/" + RemoteOperations.encode(name) + "/roles", Map.of("roles", roles));
    }

    @Override public void setPassword(String name, char[] password) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("password", password == null ? null : new String(password));
      api.call("PUT", "/api/v1/users/" + RemoteOperations.encode(name) + "/password", body);
    }

    @Override public NewToken createToken(String user, Duration ttl, String description) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("user", user);
      body.put("ttl", ttl.toString());
      body.put("description", description);
      JsonNode created = api.call("POST", "/api/v1/tokens", body);
      return new NewToken(created.get("id").asText(), created.get("secret").asText(),
          Instant.parse(created.get("expiresAt").asText()));
    }

    @Override public List<TokenInfo> listTokens(String user) {
      return JSON.convertValue(api.call("GET", "/api/v1/tokens" + (user == null ? "" : "?user=" + RemoteOperations.encode(user)), null),
          new TypeReference<>() {});
    }

    @Override public void revokeToken(String id) {
      api.call("DELETE", "/api/v1/tokens/" + RemoteOperations.encode(id), null);
    }

    @Override public void close() {
      api.close();
    }
  }
}
