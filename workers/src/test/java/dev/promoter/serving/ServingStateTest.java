package dev.promoter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a served version goes through, and how long a failed load is left alone. */
class ServingStateTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
  @TempDir Path dir;

  @Test
  void loadingWarmActiveDegradedOnErrorsAndBackToActive() {
    ServingSettings settings = new ServingSettings(1000, 50_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
        20, 10, 0.10, Duration.ofSeconds(2), 100, 10, Duration.ofDays(30));
    ServedVersion v = new ServedVersion("m", 1, settings, T0);
    assertThat(v.view().state()).isEqualTo(ServingState.LOADING);
    v.warm(null, "ab", T0.plusSeconds(1));
    assertThat(v.view().state()).isEqualTo(ServingState.WARM);
    assertThat(v.view().since()).isEqualTo(T0.plusSeconds(1));
    v.record(1_000_000, false, T0.plusSeconds(2));
    assertThat(v.view().state()).isEqualTo(ServingState.ACTIVE);
    for (int i = 0; i < 8; i++) {
      v.record(1_000_000, i % 2 == 0, T0.plusSeconds(3));
    }
    assertThat(v.view().state()).as("under min-requests: not judged yet").isEqualTo(ServingState.ACTIVE);
    v.record(1_000_000, true, T0.plusSeconds(4));
    assertThat(v.view().state()).isEqualTo(ServingState.DEGRADED);
    assertThat(v.view().cause()).startsWith("error rate 50.0% over the last 10 requests (limit 10.0%)");
    for (int i = 0; i < 20; i++) {
      v.record(1_000_000, false, T0.plusSeconds(5));
    }
    assertThat(v.view().state()).isEqualTo(ServingState.ACTIVE);
    assertThat(v.view().cause()).isNull();
    assertThat(v.view().requests()).isEqualTo(30);
    assertThat(v.view().errors()).isEqualTo(5);
    assertThat(v.view().errorRate()).isZero();
    v.failed("gone", T0.plusSeconds(6));
    assertThat(v.view().state()).isEqualTo(ServingState.FAILED);
    assertThat(v.view().cause()).isEqualTo("gone");
  }

  @Test
  void degradedOnP95ExactlyWhenTheSortedWindowSaysSoWithTheSameCause() {
    // the window's counts replace a sort per request: over 20,000 requests with latencies around
    // the limit (and errors), the state and cause after each must be what sorting the window gives
    int window = 20;
    ServingSettings settings = new ServingSettings(1000, 50_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
        window, 5, 0.25, Duration.ofMillis(100), 100, 10, Duration.ofDays(30));
    ServedVersion v = new ServedVersion("m", 1, settings, T0);
    v.warm(null, "ab", T0);
    java.util.Random random = new java.util.Random(3);
    java.util.ArrayDeque<long[]> recent = new java.util.ArrayDeque<>(); // {nanos, error}
    int degraded = 0;
    for (int i = 0; i < 20_000; i++) {
      int slowPercent = new int[] {0, 3, 8, 20}[i / 1_000 % 4];
      long nanos = random.nextInt(100) < slowPercent ? 100_000_001L + random.nextInt(50_000_000)
          : random.nextInt(20) == 0 ? 100_000_000L : 40_000_000L + random.nextInt(60_000_000); // at the limit is not over it
      boolean error = random.nextInt(i / 2_000 % 2 == 0 ? 40 : 3) == 0;
      v.record(nanos, error, T0.plusSeconds(1));
      recent.addLast(new long[] {nanos, error ? 1 : 0});
      if (recent.size() > window) {
        recent.removeFirst();
      }
      long[] sorted = recent.stream().mapToLong(e -> e[0]).sorted().toArray();
      int n = sorted.length;
      double p95 = sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)];
      double rate = recent.stream().mapToLong(e -> e[1]).sum() / (double) n;
      String expected = null;
      if (n >= 5 && rate > 0.25) {
        expected = String.format(java.util.Locale.ROOT, "error rate %.1f%% over the last %d requests (limit %.1f%%)",
            100 * rate, n, 25.0);
      } else if (n >= 5 && p95 > 100_000_000) {
        expected = String.format(java.util.Locale.ROOT, "p95 latency %.0f ms over the last %d requests (limit %d ms)",
            p95 / 1e6, n, 100);
      }
      ServedVersion.View view = v.view();
      assertThat(view.cause()).as("request %d", i).isEqualTo(expected);
      assertThat(view.state()).as("request %d", i)
          .isEqualTo(expected == null ? ServingState.ACTIVE : ServingState.DEGRADED);
      assertThat(view.p95Ms()).isEqualTo(p95 / 1e6);
      assertThat(view.errorRate()).isEqualTo(rate);
      degraded += expected != null && expected.startsWith("p95") ? 1 : 0;
    }
    assertThat(degraded).as("the p95 rule was exercised").isGreaterThan(1_000).isLessThan(15_000);
  }

  @Test
  void aFailedLoadIsNotRetriedBeforeItsDelayThenLoadsOnceTheArtifactIsBack() throws Exception {
    try (RegistryDatabase db = TestRegistry.fresh()) {
      ModelRegistry registry = new ModelRegistry(db.dataSource());
      FileArtifactStore store = new FileArtifactStore(dir.resolve("artifacts"));
      int v = TrainedModels.registerMissing(registry, store, "m", "k");
      MutableClock clock = new MutableClock(T0);
      ServedModels served = new ServedModels(registry, new RegisteredModels(registry, store),
          ServingSettings.DEFAULTS.withTimings(Duration.ZERO, Duration.ofSeconds(30)), clock);
      assertThatThrownBy(() -> served.ready("m", v)).isInstanceOf(ServedModels.CannotServe.class)
          .hasMessageStartingWith("m v1 cannot serve: artifact sha256:").hasMessageContaining("is not in the store");
      assertThat(served.views("m").getFirst().state()).isEqualTo(ServingState.FAILED);

      byte[] bytes = Arrays.copyOf(TrainedModels.archive(), TrainedModels.archive().length + 1);
      store.put(new ByteArrayInputStream(bytes)); // the artifact is back
      clock.now = T0.plusSeconds(10);
      assertThatThrownBy(() -> served.ready("m", v)).isInstanceOf(ServedModels.CannotServe.class);
      clock.now = T0.plusSeconds(31);
      assertThat(served.ready("m", v).classifier()).isNotNull();
      assertThat(served.views("m").getFirst().state()).isEqualTo(ServingState.WARM);
      assertThat(served.views("m").getFirst().digest()).isEqualTo(registry.version("m", v).artifactSha256());
    }
  }

  @Test
  void anUnreachableStoreIsAnOutageNotAVerdict() throws Exception {
    try (RegistryDatabase db = TestRegistry.fresh()) {
      ModelRegistry registry = new ModelRegistry(db.dataSource());
      Path root = dir.resolve("outage-artifacts");
      FileArtifactStore store = new FileArtifactStore(root);
      int v = TrainedModels.register(registry, store, "m", "k", TrainedModels.archive());
      MutableClock clock = new MutableClock(T0);
      ServedModels served = new ServedModels(registry, new RegisteredModels(registry, store),
          ServingSettings.DEFAULTS.withTimings(Duration.ZERO, Duration.ofSeconds(30)), clock);
      Path away = dir.resolve("unmounted");
      java.nio.file.Files.move(root, away); // the store's volume is gone
      assertThatThrownBy(() -> served.ready("m", v)).isInstanceOf(ServedModels.CannotServe.class)
          .hasMessageStartingWith("m v1 cannot load now:");
      assertThat(served.views("m")).as("not marked FAILED, not kept as a placeholder").isEmpty();
      java.nio.file.Files.move(away, root); // back, at once: no retry delay to wait out
      assertThat(served.ready("m", v).classifier()).isNotNull();
      assertThat(served.views("m").getFirst().state()).isEqualTo(ServingState.WARM);
    }
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
