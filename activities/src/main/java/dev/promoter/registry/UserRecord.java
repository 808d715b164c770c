package dev.promoter.registry;

import java.util.Set;

/**
 * A user with the password hash that signing in checks against.
 *
 * @param name the user name
 * @param roles the roles held, sorted
 * @param passwordHash the encoded password ({@code {bcrypt}...}), or null for a token-only user
 */
public record UserRecord(String name, Set<String> roles, String passwordHash) {

  /** Never prints the hash, so a logged record leaks nothing to crack offline. */
  @Override
  public String toString() {
    return "UserRecord[name=" + name + ", roles=" + roles + ", passwordHash="
        + (passwordHash == null ? "none" : "<redacted>") + "]";
  }
}
