package dev.promoter.registry;

import java.time.Instant;

/**
 * A token as listings show it: never its secret nor its hash.
 *
 * @param id the public id
 * @param user whose token it is
 * @param createdAt when it was created
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or null
 * @param createdBy who created it
 * @param description what it is for, or null
 * @param lastUsedAt roughly when it last authenticated (updated every few minutes), or null
 */
public record TokenInfo(String id, String user, Instant createdAt, Instant expiresAt,
    Instant revokedAt, String createdBy, String description, Instant lastUsedAt) {

  /** Whether it authenticates at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }
}
