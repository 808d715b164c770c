package dev.promoter.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Users and their roles: the {@code principals} table, which approval validation reads. Every
 * change is one transaction with its {@link SecurityAudit} row. Passwords arrive already hashed:
 * this module has no encoder, and no clear password ever reaches it.
 */
public final class Users {
  private final Transactions tx;

  /** Users in this database. */
  public Users(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Adds a user.
   *
   * @param passwordHash the encoded password, or null for a user who signs in with tokens only
   * @throws RegistryException CONFLICT if the name is taken, INVALID for a bad name or role
   */
  public void add(String name, Set<String> roles, String passwordHash, String actor) {
    String user = Names.user(name);
    Set<String> valid = Roles.validated(roles);
    String by = Names.actor(actor);
    requireUsableHash(passwordHash);
    tx.inTransaction(c -> {
      insert(c, user, valid, passwordHash, by);
      return null;
    });
  }

  /** Removes a user and, with it, every token of theirs. */
  public void remove(String name, String actor) {
    String user = Names.user(name);
    String by = Names.actor(actor);
    tx.inTransaction(c -> {
      int tokens;
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM api_tokens WHERE user_name = ?")) {
        s.setString(1, user);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          tokens = rs.getInt(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM principals WHERE name = ?")) {
        s.setString(1, user);
        if (s.executeUpdate() == 0) {
          throw unknown(user);
        }
      }
      SecurityAudit.append(c, by, "remove-user", user, "with " + tokens + " token(s)");
      return null;
    });
  }

  /** Sets a user's roles to exactly those given. */
  public void setRoles(String name, Set<String> roles, String actor) {
    String user = Names.user(name);
    Set<String> valid = Roles.validated(roles);
    String by = Names.actor(actor);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE principals SET roles = ?, updated_at = now() WHERE name = ?")) {
        s.setArray(1, c.createArrayOf("text", valid.stream().sorted().toArray()));
        s.setString(2, user);
        if (s.executeUpdate() == 0) {
          throw unknown(user);
        }
      }
      SecurityAudit.append(c, by, "set-roles", user, "roles " + String.join(",", new TreeSet<>(valid)));
      return null;
    });
  }

  /** Sets or clears (null: tokens only from now on) a user's password hash. */
  public void setPasswordHash(String name, String passwordHash, String actor) {
    String user = Names.user(name);
    String by = Names.actor(actor);
    requireUsableHash(passwordHash);
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE principals SET password_hash = ?, updated_at = now() WHERE name = ?")) {
        s.setString(1, passwordHash);
        s.setString(2, user);
        if (s.executeUpdate() == 0) {
          throw unknown(user);
        }
      }
      SecurityAudit.append(c, by, passwordHash == null ? "clear-password" : "set-password", user, "");
      return null;
    });
  }

  /** Every user, by name, without password hashes. */
  public List<UserInfo> list() {
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT name, roles, password_hash IS NOT NULL, "
          + "created_at FROM principals ORDER BY name");
          ResultSet rs = s.executeQuery()) {
        List<UserInfo> users = new ArrayList<>();
        while (rs.next()) {
          users.add(new UserInfo(rs.getString(1), roleSet(rs.getArray(2)), rs.getBoolean(3),
              rs.getTimestamp(4).toInstant()));
        }
        return users;
      }
    });
  }

  /** One user with their password hash (for signing in), or empty if there is no such user. */
  public Optional<UserRecord> find(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    return tx.readOnly(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT name, roles, password_hash FROM principals WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next()
              ? Optional.of(new UserRecord(rs.getString(1), roleSet(rs.getArray(2)), rs.getString(3)))
              : Optional.<UserRecord>empty();
        }
      }
    });
  }

  /**
   * Dev start-up only: on a registry with no user at all, adds the given users (tokens only) and
   * one token each, then hands the tokens to {@code beforeCommit} inside the same transaction,
   * so if that fails (say, the token file cannot be written) nothing is added. The table is
   * locked while it checks, so two processes starting at once seed once.
   *
   * @return the tokens by user name; empty, and nothing changed, when any user already exists
   */
  public Map<String, NewToken> seedIfEmpty(Map<String, Set<String>> rolesByName, Duration tokenTtl,
      String actor, Consumer<Map<String, NewToken>> beforeCommit) {
    return seedIfEmpty(rolesByName, Map.of(), tokenTtl, actor, beforeCommit);
  }

  /**
   * As {@link #seedIfEmpty(Map, Duration, String, Consumer)}, giving the users in
   * {@code passwordHashes} a password (already hashed) besides their token.
   */
  public Map<String, NewToken> seedIfEmpty(Map<String, Set<String>> rolesByName,
      Map<String, String> passwordHashes, Duration tokenTtl, String actor,
      Consumer<Map<String, NewToken>> beforeCommit) {
    String by = Names.actor(actor);
    Map<String, Set<String>> valid = new LinkedHashMap<>();
    rolesByName.forEach((name, roles) -> valid.put(Names.user(name), Roles.validated(roles)));
    ApiTokens.requireTtl(tokenTtl);
    return tx.inTransaction(c -> {
      try (Statement s = c.createStatement()) {
        // blocks a concurrent seeder and any insert until this commits; reads still proceed
        s.execute("LOCK TABLE principals IN SHARE ROW EXCLUSIVE MODE");
        try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM principals)")) {
          rs.next();
          if (rs.getBoolean(1)) {
            return Map.<String, NewToken>of();
          }
        }
      }
      Map<String, NewToken> tokens = new LinkedHashMap<>();
      for (var e : valid.entrySet()) {
        insert(c, e.getKey(), e.getValue(), passwordHashes.get(e.getKey()), by);
        tokens.put(e.getKey(), ApiTokens.insert(c, e.getKey(), tokenTtl, by, "dev seed"));
      }
      beforeCommit.accept(Map.copyOf(tokens));
      return tokens;
    });
  }

  private static void insert(Connection c, String user, Set<String> roles, String passwordHash,
      String by) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO principals (name, roles, password_hash) "
        + "VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
      s.setString(1, user);
      s.setArray(2, c.createArrayOf("text", roles.stream().sorted().toArray()));
      s.setString(3, passwordHash);
      if (s.executeUpdate() == 0) {
        throw RegistryException.conflict("user '" + user + "' already exists");
      }
    }
    SecurityAudit.append(c, by, "add-user", user, "roles " + String.join(",", new TreeSet<>(roles))
        + (passwordHash == null ? ", tokens only" : ", with password"));
  }

  static Set<String> roleSet(java.sql.Array array) throws SQLException {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(Principals.roles(array)));
  }

  private static void requireUsableHash(String passwordHash) {
    if (passwordHash != null && (passwordHash.isBlank() || passwordHash.length() > 500)) {
      throw RegistryException.invalid("a password hash must be a non-empty encoded hash");
    }
  }

  private static RegistryException unknown(String user) {
    return RegistryException.notFound("unknown user '" + user + "'");
  }
}
