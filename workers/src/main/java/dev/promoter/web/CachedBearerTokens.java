package dev.promoter.web;

import dev.promoter.service.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Remembers who a valid API token speaks for during a short time, so that a busy client (the
 * predict API at thousands of requests a second) costs one registry query per token and interval
 * instead of one per request: under load that query was the request's largest cost, 10 ms and
 * more while Postgres shared the cores with the server.
 *
 * <p>What it trades: a revoked or expired token, a removed user or a changed role is seen up to
 * {@code ttl} late (the same bound as the serving aliases' refresh). Refusals are never
 * remembered, so a new or un-revoked token works at once and an unknown one is looked up every
 * time. Entries are keyed by the token's SHA-256, never the secret; the map is cleared when it
 * reaches {@link #MAX_ENTRIES}, which bounds memory whatever the callers send. A ttl of zero
 * turns the cache off.
 */
final class CachedBearerTokens implements BearerTokens {
  /** More distinct valid tokens than any deployment holds at once within one ttl. */
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Actor actor, long until) {}

  private final BearerTokens registry;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> known = new ConcurrentHashMap<>();

  /**
   * @param registry the real check (the registry's tokens)
   * @param ttl how long a positive answer is reused; zero: every call asks the registry
   * @param nanoTime a monotonic clock ({@code System::nanoTime})
   */
  CachedBearerTokens(BearerTokens registry, Duration ttl, LongSupplier nanoTime) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("the token cache's ttl cannot be negative: " + ttl);
    }
    this.registry = registry;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public Optional<Actor> authenticate(String token) {
    if (ttlNanos == 0 || token == null) {
      return registry.authenticate(token);
    }
    String key = sha256(token);
    long now = nanoTime.getAsLong();
    Entry hit = known.get(key);
    if (hit != null && now - hit.until() < 0) {
      return Optional.of(hit.actor());
    }
    Optional<Actor> answer = registry.authenticate(token);
    if (answer.isEmpty()) {
      known.remove(key);
      return answer;
    }
    if (known.size() >= MAX_ENTRIES) {
      known.clear();
    }
    known.put(key, new Entry(answer.get(), now + ttlNanos));
    return answer;
  }

  // getInstance's provider lookup cost more than hashing a token, so digests are reused: a thread
  // local would be one per request on virtual request threads (HttpThreadsConfiguration), so a pool,
  // which holds as many as were ever in use at once
  private static final Queue<MessageDigest> DIGESTS = new ConcurrentLinkedQueue<>();

  private static String sha256(String token) {
    MessageDigest digest = DIGESTS.poll();
    if (digest == null) {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
    try {
      return HEX.formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8))); // digest() resets it
    } finally {
      DIGESTS.offer(digest);
    }
  }

  private static final HexFormat HEX = HexFormat.of();
}
