package dev.promoter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.service.Actor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The token cache on a clock the test moves: answers reused within the ttl only, refusals never
 * reused, a revocation followed once the ttl has passed, zero ttl asks every time.
 */
class CachedBearerTokensTest {
  private static final Actor VERA = new Actor("vera", Set.of("viewer"));
  /** The registry as a map the test edits (revoking is removing), counting its lookups. */
  private final Map<String, Actor> valid = new HashMap<>(Map.of("pmt_vera", VERA));
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000);
  private final BearerTokens registry = token -> {
    lookups.incrementAndGet();
    return Optional.ofNullable(valid.get(token));
  };

  private CachedBearerTokens cache(Duration ttl) {
    return new CachedBearerTokens(registry, ttl, now::get);
  }

  @Test
  void aValidTokenIsLookedUpOncePerTtl() {
    CachedBearerTokens tokens = cache(Duration.ofSeconds(1));
    for (int i = 0; i < 100; i++) {
      assertThat(tokens.authenticate("pmt_vera")).contains(VERA);
      now.addAndGet(5_000_000); // 5 ms a request: 100 requests span 0.5 s
    }
    assertThat(lookups).hasValue(1);
    now.addAndGet(600_000_000);
    assertThat(tokens.authenticate("pmt_vera")).contains(VERA);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void aRevokedTokenIsRefusedOnceTheTtlHasPassed() {
    CachedBearerTokens tokens = cache(Duration.ofSeconds(1));
    assertThat(tokens.authenticate("pmt_vera")).contains(VERA);
    valid.remove("pmt_vera");
    now.addAndGet(999_999_999);
    assertThat(tokens.authenticate("pmt_vera")).as("within the ttl: the bound it trades").contains(VERA);
    now.addAndGet(1);
    assertThat(tokens.authenticate("pmt_vera")).isEmpty();
    assertThat(tokens.authenticate("pmt_vera")).isEmpty();
    assertThat(lookups).as("refusals are not remembered").hasValue(3);
  }

  @Test
  void refusalsAreNeverRemembered() {
    CachedBearerTokens tokens = cache(Duration.ofSeconds(1));
    assertThat(tokens.authenticate("pmt_new")).isEmpty();
    valid.put("pmt_new", VERA);
    assertThat(tokens.authenticate("pmt_new")).as("a token created after a refusal works at once").contains(VERA);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void zeroTtlAsksTheRegistryEveryTime() {
    CachedBearerTokens tokens = cache(Duration.ZERO);
    tokens.authenticate("pmt_vera");
    tokens.authenticate("pmt_vera");
    assertThat(lookups).hasValue(2);
  }

  @Test
  void theMapIsBounded() {
    CachedBearerTokens tokens = cache(Duration.ofMinutes(1));
    for (int i = 0; i < CachedBearerTokens.MAX_ENTRIES + 5; i++) {
      valid.put("pmt_" + i, VERA);
      tokens.authenticate("pmt_" + i);
    }
    int before = lookups.get();
    tokens.authenticate("pmt_0");
    assertThat(lookups.get()).as("cleared at the bound, so an early token is looked up again").isEqualTo(before + 1);
    assertThatThrownBy(() -> cache(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
