package dev.promoter.identity;

import dev.promoter.registry.ApiTokens;
import dev.promoter.registry.NewToken;
import dev.promoter.registry.PasswordRule;
import dev.promoter.registry.TokenInfo;
import dev.promoter.registry.TokenPrincipal;
import dev.promoter.registry.UserInfo;
import dev.promoter.registry.UserRecord;
import dev.promoter.registry.Users;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users, passwords and API tokens: the one service every front door calls. Passwords are hashed
 * here with the given encoder (bcrypt) and never stored or kept; the caller owns, and may wipe,
 * the {@code char[]} it passes. Token secrets are returned once by {@link #createToken}.
 */
public final class IdentityService {
  /** How long the tokens made by {@link #seedDev} live. */
  public static final Duration DEV_TOKEN_TTL = Duration.ofDays(30);
  static final String DEV_SEED_ACTOR = "dev-seed";

  private final Users users;
  private final ApiTokens tokens;
  private final PasswordEncoder encoder;
  // compared against when the user is unknown or has no password, so a failed sign-in costs
  // one bcrypt either way and its timing does not say which names exist
  private volatile String decoyHash;

  /** Identity over the registry in {@code dataSource}, hashing passwords with {@code encoder}. */
  public IdentityService(DataSource dataSource, PasswordEncoder encoder) {
    this.users = new Users(dataSource);
    this.tokens = new ApiTokens(dataSource);
    this.encoder = encoder;
  }

  /**
   * Adds a user.
   *
   * @param roles some of viewer, submitter, approver, admin (none is allowed)
   * @param passwordOrNull the password to hash, or null for a user who signs in with tokens only
   */
  public void addUser(String name, Set<String> roles, char[] passwordOrNull, String actor) {
    users.add(name, roles, hash(passwordOrNull), actor);
  }

  /** Removes a user and every token of theirs. */
  public void removeUser(String name, String actor) {
    users.remove(name, actor);
  }

  /** Sets a user's roles to exactly those given. */
  public void setRoles(String name, Set<String> roles, String actor) {
    users.setRoles(name, roles, actor);
  }

  /** Sets a user's password, or with null makes them a token-only user. */
  public void setPassword(String name, char[] passwordOrNull, String actor) {
    users.setPasswordHash(name, hash(passwordOrNull), actor);
  }

  /** Every user, without password hashes. */
  public List<UserInfo> listUsers() {
    return users.list();
  }

  /** A new token for an existing user; its secret is in the result and nowhere else. */
  public NewToken createToken(String user, Duration ttl, String actor) {
    return tokens.create(user, ttl, actor, null);
  }

  /** A new token with a note on what it is for. */
  public NewToken createToken(String user, Duration ttl, String actor, String description) {
    return tokens.create(user, ttl, actor, description);
  }

  /** Tokens without secrets: all, or one user's. */
  public List<TokenInfo> listTokens(String userOrNull) {
    return tokens.list(userOrNull);
  }

  /** Revokes a token; revoking it again changes nothing. */
  public void revokeToken(String id, String actor) {
    tokens.revoke(id, actor);
  }

  /**
   * The user, if {@code password} is theirs. Empty for an unknown user, a token-only user or a
   * wrong password, after the same bcrypt work in each case.
   */
  public Optional<AuthenticatedUser> authenticatePassword(String name, char[] password) {
    Optional<UserRecord> user = users.find(name);
    String hash = user.map(UserRecord::passwordHash).orElse(null);
    CharSequence raw = CharBuffer.wrap(password == null ? new char[0] : password);
    boolean matches = encoder.matches(raw, hash == null ? decoyHash() : hash);
    if (hash == null || !matches || password == null || password.length == 0) {
      return Optional.empty();
    }
    return Optional.of(new AuthenticatedUser(user.get().name(), user.get().roles()));
  }

  /** Who a token secret speaks for; empty for anything but a live token of an existing user. */
  public Optional<TokenPrincipal> authenticateToken(String secret) {
    return tokens.authenticate(secret);
  }

  /**
   * Dev mode's first start: on a registry with no user at all, adds {@code principals} with one
   * token each ({@link #DEV_TOKEN_TTL}) and a random password for the web UI, and writes
   * {@code NAME=TOKEN} lines to {@code tokenFile} and {@code NAME=PASSWORD} lines to
   * {@code dev-passwords} beside it, both readable by their owner only. The users are committed only if the
   * file was written.
   *
   * <p>When any user exists, nothing happens, even if the token file is missing or its tokens
   * have expired or been revoked: the registry, not the file, is the truth, and roles are never
   * re-granted at start. Mint a new token with {@code promoter token create --user NAME}, or
   * delete the dev home folder to start from an empty registry.
   *
   * @return the users created, sorted; empty when the registry already had users
   */
  public List<String> seedDev(Map<String, Set<String>> principals, Path tokenFile) {
    if (principals.isEmpty()) {
      return List.of();
    }
    Map<String, String> passwords = new TreeMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (String name : principals.keySet()) {
      String password = DevPasswords.next();
      passwords.put(name, password);
      hashes.put(name, encoder.encode(password));
    }
    Map<String, NewToken> created = users.seedIfEmpty(principals, hashes, DEV_TOKEN_TTL, DEV_SEED_ACTOR,
        seeded -> TokenFile.write(tokenFile, seeded, passwords));
    return created.keySet().stream().sorted().toList();
  }

  private String hash(char[] passwordOrNull) {
    if (passwordOrNull == null) {
      return null;
    }
    PasswordRule.check(passwordOrNull);
    return encoder.encode(CharBuffer.wrap(passwordOrNull));
  }

  private String decoyHash() {
    String hash = decoyHash;
    if (hash == null) {
      hash = encoder.encode("decoy password, never a user's");
      decoyHash = hash;
    }
    return hash;
  }
}
