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
