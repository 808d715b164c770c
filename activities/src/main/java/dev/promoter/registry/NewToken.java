package dev.promoter.registry;

import java.time.Instant;

/**
 * A token just created. Its secret exists only here: the registry keeps its SHA-256.
 *
 * @param id the public id, for listing and revoking ({@code tok_...})
 * @param secret what the user presents ({@code pmt_...}); show it once
 * @param expiresAt when it stops working
 */
public record NewToken(String id, String secret, Instant expiresAt) {

  /** Never prints the secret, so a logged record leaks nothing. */
  @Override
  public String toString() {
    return "NewToken[id=" + id + ", secret=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
