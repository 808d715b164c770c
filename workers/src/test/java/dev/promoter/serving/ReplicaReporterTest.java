package dev.promoter.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TrafficSplits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serving replica's report round on a real Postgres with really trained models: a warm split's
 * version is loaded with no request at all and reported WARM; once the split is gone, a version
 * that holds no alias and sat idle is unloaded, while the alias's holder stays; a replica that
 * closes takes itself off the registry.
 */
class ReplicaReporterTest {
  private static final String M = "rrna";
  @TempDir Path dir;
  private RegistryDatabase db;
  private ModelRegistry registry;
  private TrafficSplits splits;
  private ServingReplicas replicas;
  private ServedModels served;
  private int champion;
  private int candidate;

  @BeforeEach
  void open() throws Exception {
    db = TestRegistry.fresh();
    registry = new ModelRegistry(db.dataSource());
    splits = new TrafficSplits(db.dataSource());
    replicas = new ServingReplicas(db.dataSource());
    FileArtifactStore store = new FileArtifactStore(dir.resolve("artifacts"));
    champion = TrainedModels.register(registry, store, M, "v1", TrainedModels.archive());
    candidate = TrainedModels.register(registry, store, M, "v2", TrainedModels.worse());
    registry.promote(M, champion, "production", "alice", "first");
    served = new ServedModels(registry, new RegisteredModels(registry, store), ServingSettings.DEFAULTS, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("never: " + what);
      }
      Thread.sleep(20);
    }
  }

  private ServingReplicas.Seen seen(int version) {
    return replicas.of(M, version, Duration.ofMinutes(1)).getFirst();
  }

  @Test
  void aWarmSplitIsLoadedWithoutARequestAndAnIdleVersionNothingNeedsIsUnloaded() throws Exception {
    served.ready(M, champion); // the holder, as its first request loads it
    ReplicaReporter reporter = new ReplicaReporter("replica-a", served, splits, registry, replicas,
        new ReplicaReporter.ReplicaSettings(Duration.ofSeconds(1), Duration.ZERO), Clock.systemUTC());
    splits.set(M, "production", candidate, "warm", 0, "promoter", "blue-green");
    reporter.tick();
    await(() -> served.views(M).stream().anyMatch(v -> v.version() == candidate && v.state() == ServingState.WARM),
        "v2 loaded by the report round");
    reporter.tick();
    assertThat(seen(candidate)).isEqualTo(new ServingReplicas.Seen("replica-a", "WARM", null));
    assertThat(served.views(M)).extracting(ServedVersion.View::version).containsExactly(champion, candidate);

    // the split stays: nothing is unloaded, however idle
    reporter.tick();
    assertThat(served.views(M)).hasSize(2);

    splits.clear(M, "production", "promoter", "window over");
    reporter.tick();
    assertThat(served.views(M)).extracting(ServedVersion.View::version).containsExactly(champion);
    assertThat(seen(candidate).state()).isNull();
    assertThat(seen(champion).state()).isEqualTo("WARM");

    reporter.close();
    assertThat(replicas.of(M, champion, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void aVersionUsedWithinTheIdleTimeStaysLoaded() throws Exception {
    ReplicaReporter reporter = new ReplicaReporter("replica-b", served, splits, registry, replicas,
        new ReplicaReporter.ReplicaSettings(Duration.ofSeconds(1), Duration.ofHours(1)), Clock.systemUTC());
    served.ready(M, candidate); // a pinned ?version= request loaded it
    reporter.tick();
    assertThat(served.views(M)).extracting(ServedVersion.View::version).containsExactly(candidate);
    assertThat(List.of(seen(candidate).state())).containsExactly("WARM");
    reporter.close();
  }
}
