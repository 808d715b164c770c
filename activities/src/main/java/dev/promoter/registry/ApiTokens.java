package dev.promoter.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * API tokens: random secrets that stand for a user, with an expiry, revocable. The secret is
 * returned once by {@link #create}; the registry keeps only its SHA-256, so a copy of the
 * database authenticates nobody. Listings show the public id ({@code tok_...}), never the secret.
 */
public final class ApiTokens {
  /** The longest a token may live. */
  public static final Duration MAX_TTL = Duration.ofDays(365);
  /** How every secret starts, so scanners and people recognise a leaked one. */
  public static final String SECRET_PREFIX = "pmt_";

  // 32 random bytes, base64url without padding: 43 characters
  private static final Pattern SECRET = Pattern.compile("pmt_[A-Za-z0-9_-]{43}");
  private static final Pattern ID = Pattern.compile("tok_[a-z2-7]{10}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  // last_used_at is a hint for people, not a log: one write per token per this much use at most,
  // so authentication stays a single read on the hot path
  private static final String STALE_LAST_USE =
      "(t.last_used_at IS NULL OR t.last_used_at < now() - interval '5 minutes')";

  private final Transactions tx;

  /** Tokens in this database. */
  public ApiTokens(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** Creates a token for an existing user; see {@link #create(String, Duration, String, String)}. */
  public NewToken create(String user, Duration ttl, String actor) {
    return create(user, ttl, actor, null);
  }

  /**
   * Creates a token for an existing user, valid for {@code ttl} from now (the database's clock).
   *
   * @param ttl positive, at most {@link #MAX_TTL}
   * @param description what it is for, or null
   * @return the id and the secret; the secret cannot be read back later
   * @throws RegistryException NOT_FOUND for an unknown user, INVALID for a bad ttl or name
   */
  public NewToken create(String user, Duration ttl, String actor, String description) {
    String name = Names.user(user);
    String by = Names.actor(actor);
    requireTtl(ttl);
    String what = description == null || description.isBlank() ? null
        : Names.text("description", description.strip(), 200);
    return tx.inTransaction(c -> insert(c, name, ttl, by, what));
  }

  /**
   * Who a secret speaks for, if anyone. Empty for null, malformed, unknown, expired or revoked
   * secrets and for tokens of removed users (their tokens go with them). One indexed query;
   * a write at most every few minutes per token, to keep {@code last_used_at} roughly right.
   */
  public Optional<TokenPrincipal> authenticate(String secret) {
    // the format is public, so refusing a malformed secret early reveals nothing
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    // the lookup is by hash: how long the index search takes says nothing about the secret
    byte[] digest = sha256(secret);
    return tx.autoCommit(c -> {
      String id;
      TokenPrincipal principal;
      try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.user_name, p.roles, "
          + STALE_LAST_USE + " FROM api_tokens t JOIN principals p ON p.name = t.user_name "
          + "WHERE t.secret_sha256 = ? AND t.revoked_at IS NULL AND t.expires_at > now()")) {
        s.setBytes(1, digest);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.<TokenPrincipal>empty();
          }
          id = rs.getString(1);
          principal = new TokenPrincipal(id, rs.getString(2), Users.roleSet(rs.getArray(3)));
          if (!rs.getBoolean(4)) {
            return Optional.of(principal);
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE api_tokens t SET last_used_at = now() "
          + "WHERE t.id = ? AND " + STALE_LAST_USE)) {
        s.setString(1, id);
        s.executeUpdate();
      }
      return Optional.of(principal);
    });
  }

  /**
   * Tokens, oldest first, without secrets: all of them, or one user's.
   *
   * @throws RegistryException NOT_FOUND when {@code userOrNull} names no user
   */
  public List<TokenInfo> list(String userOrNull) {
    String user = userOrNull == null ? null : Names.user(userOrNull);
    return tx.readOnly(c -> {
      if (user != null) {
        requireUser(c, user);
      }
      try (PreparedStatement s = c.prepareStatement("SELECT id, user_name, created_at, expires_at, "
          + "revoked_at, created_by, description, last_used_at FROM api_tokens "
          + "WHERE (?::text IS NULL OR user_name = ?) ORDER BY created_at, id")) {
        s.setString(1, user);
        s.setString(2, user);
        List<TokenInfo> tokens = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tokens.add(new TokenInfo(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                instant(rs, 5), rs.getString(6), rs.getString(7), instant(rs, 8)));
          }
        }
        return tokens;
      }
    });
  }

  /**
   * Revokes a token from now on. Revoking a revoked token changes nothing.
   *
   * @throws RegistryException NOT_FOUND for an unknown id, INVALID for one not shaped like an id
   */
  public void revoke(String id, String actor) {
    if (id == null || !ID.matcher(id).matches()) {
      throw RegistryException.invalid("invalid token id '" + id
          + "': ids look like tok_ and 10 letters or digits (see 'promoter token list')");
    }
    String by = Names.actor(actor);
    tx.inTransaction(c -> {
      String user;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT user_name, revoked_at IS NOT NULL FROM api_tokens WHERE id = ? FOR UPDATE")) {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw RegistryException.notFound("unknown token '" + id + "'");
          }
          if (rs.getBoolean(2)) {
            return null;
          }
          user = rs.getString(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_tokens SET revoked_at = now() WHERE id = ?")) {
        s.setString(1, id);
        s.executeUpdate();
      }
      SecurityAudit.append(c, by, "revoke-token", id, "of user " + user);
      return null;
    });
  }

  static NewToken insert(Connection c, String user, Duration ttl, String actor, String description)
      throws SQLException {
    requireUser(c, user);
    // a clash of 50-bit ids is rare but possible; a clash of 256-bit secrets is not
    for (int attempt = 0; attempt < 5; attempt++) {
      String id = newId();
      String secret = newSecret();
      try (PreparedStatement s = c.prepareStatement("INSERT INTO api_tokens (id, user_name, "
          + "secret_sha256, description, created_by, expires_at) "
          + "VALUES (?, ?, ?, ?, ?, now() + ? * interval '1 millisecond') "
          + "ON CONFLICT DO NOTHING RETURNING expires_at")) {
        s.setString(1, id);
        s.setString(2, user);
        s.setBytes(3, sha256(secret));
        s.setString(4, description);
        s.setString(5, actor);
        s.setLong(6, ttl.toMillis());
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            Instant expiresAt = rs.getTimestamp(1).toInstant();
            SecurityAudit.append(c, actor, "create-token", id, "for user " + user + ", expires "
                + expiresAt + (description == null ? "" : ": " + description));
            return new NewToken(id, secret, expiresAt);
          }
        }
      }
    }
    throw RegistryException.conflict("could not pick an unused token id; try again");
  }

  static void requireTtl(Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.toMillis() < 1) {
      throw RegistryException.invalid("a token's lifetime must be positive, not " + ttl);
    }
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw RegistryException.invalid("a token's lifetime is at most " + MAX_TTL.toDays()
          + " days, not " + ttl.toDays() + "; create a new one before it expires");
    }
  }

  private static void requireUser(Connection c, String user) throws SQLException {
    // FOR KEY SHARE would block a concurrent removal until this commits; a plain read suffices
    // because the foreign key refuses a token for a user removed in the meantime
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM principals WHERE name = ?")) {
      s.setString(1, user);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw RegistryException.notFound("unknown user '" + user + "'");
        }
      }
    }
  }

  private static String newId() {
    StringBuilder id = new StringBuilder("tok_");
    for (int i = 0; i < 10; i++) {
      id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    return id.toString();
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
