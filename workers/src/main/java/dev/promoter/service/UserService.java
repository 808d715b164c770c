package dev.promoter.service;

import dev.promoter.identity.IdentityService;
import dev.promoter.registry.NewToken;
import dev.promoter.registry.Roles;
import dev.promoter.registry.TokenInfo;
import dev.promoter.registry.UserInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Users and API tokens, for an admin acting through the API. */
public final class UserService {
  private final IdentityService identity;

  /** A service over the registry's identities. */
  public UserService(IdentityService identity) {
    this.identity = identity;
  }

  /** Adds a user; a null password means tokens only. */
  public void add(Actor actor, String name, Set<String> roles, char[] password) {
    actor.require(Roles.ADMIN, "manage users");
    Failures.translated(() -> {
      identity.addUser(name, roles == null ? Set.of() : roles, password, actor.name());
      return null;
    });
  }

  /** Every user, without secrets. */
  public List<UserInfo> list(Actor actor) {
    actor.require(Roles.ADMIN, "list users");
    return Failures.translated(identity::listUsers);
  }

  /** Removes a user and their tokens. */
  public void remove(Actor actor, String name) {
    actor.require(Roles.ADMIN, "manage users");
    if (name.equals(actor.name())) {
      throw ServiceException.conflict(name + " cannot remove themselves; another admin can");
    }
    Failures.translated(() -> {
      identity.removeUser(name, actor.name());
      return null;
    });
  }

  /** Sets a user's roles to exactly those given. */
  public void setRoles(Actor actor, String name, Set<String> roles) {
    actor.require(Roles.ADMIN, "manage users");
    Failures.translated(() -> {
      identity.setRoles(name, roles == null ? Set.of() : roles, actor.name());
      return null;
    });
  }

  /** Sets a user's password (they can then sign in to the web UI), or with null removes it. */
  public void setPassword(Actor actor, String name, char[] passwordOrNull) {
    actor.require(Roles.ADMIN, "manage users");
    Failures.translated(() -> {
      identity.setPassword(name, passwordOrNull, actor.name());
      return null;
    });
  }

  /** Creates a token for a user; its secret is in the answer and nowhere else. */
  public NewToken createToken(Actor actor, String user, Duration ttl, String description) {
    actor.require(Roles.ADMIN, "create tokens");
    if (ttl == null) {
      throw ServiceException.badInput("\"ttl\" is required, e.g. \"P30D\"");
    }
    return Failures.translated(() -> identity.createToken(user, ttl, actor.name(), description));
  }

  /** Tokens, without secrets. */
  public List<TokenInfo> tokens(Actor actor, String user) {
    actor.require(Roles.ADMIN, "list tokens");
    return Failures.translated(() -> identity.listTokens(user));
  }

  /** Revokes a token. */
  public void revoke(Actor actor, String id) {
    actor.require(Roles.ADMIN, "revoke tokens");
    Failures.translated(() -> {
      identity.revokeToken(id, actor.name());
      return null;
    });
  }
}
