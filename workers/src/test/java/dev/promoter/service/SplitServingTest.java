package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.identity.TestRegistry;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RolloutFigures;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.serving.OffPath;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.serving.Routing;
import dev.promoter.serving.ServedModels;
import dev.promoter.serving.ServingSettings;
import dev.promoter.serving.ServingState;
import dev.promoter.serving.TrainedModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving under the registry's traffic splits, on a real Postgres and really trained models:
 * routing is deterministic per request key with the split's share, a canary's requests are also
 * scored by the holder off the path, a shadow is logged and never returned, a warm version is
 * loaded with no traffic, and a cleared split gives everything back to the holder.
 */
class SplitServingTest {
  private static final String M = "rrna";
  @TempDir Path dir;
  private RegistryDatabase db;
  private ModelRegistry registry;
  private TrafficSplits splits;
  private PredictionWriter writer;
  private ServingService serving;
  private int champion;
  private int worse;

  @BeforeEach
  void open() throws Exception {
    db = TestRegistry.fresh();
    registry = new ModelRegistry(db.dataSource());
    splits = new TrafficSplits(db.dataSource());
    FileArtifactStore store = new FileArtifactStore(dir.resolve("artifacts"));
    champion = TrainedModels.register(registry, store, M, "v1", TrainedModels.archive());
    worse = TrainedModels.register(registry, store, M, "v2", TrainedModels.worse());
    registry.promote(M, champion, "production", "alice", "first");
    // every request re-reads the split, as a replica does after its refresh interval
    ServingSettings settings = ServingSettings.DEFAULTS.withTimings(Duration.ZERO, Duration.ofSeconds(30));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PredictionLog log = new PredictionLog(db.dataSource());
    writer = new PredictionWriter(log, settings, Clock.systemUTC(), meters);
    serving = new ServingService(registry,
        new ServedModels(registry, new RegisteredModels(registry, store), settings, Clock.systemUTC()),
        writer, log, splits, new OffPath(meters), settings, meters, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  @Test
  void bucketsAreStableAndSpreadEvenly() {
    assertThat(Routing.bucket("caller-42")).isEqualTo(Routing.bucket("caller-42"));
    int[] counts = new int[100];
    IntStream.range(0, 10_000).forEach(i -> counts[Routing.bucket("key-" + i)]++);
    // each bucket expects 100 of 10,000 keys
    assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(60);
    assertThat(IntStream.of(counts).max().orElseThrow()).isLessThan(140);
  }

  @Test
  void aCanaryTakesItsShareByKeyAndTheHolderScoresTheSameRequestsOffThePath() {
    Instant start = Instant.now().minusSeconds(1);
    splits.set(M, "production", worse, "canary", 30, "promoter", "step 1");
    String sequence = TrainedModels.test().get(0).sequence();
    Map<String, Integer> first = new HashMap<>();
    int canary = 0;
    for (int i = 0; i < 200; i++) {
      String key = "caller-" + i;
      ServingService.Answers a = serving.predict(M, ServingService.Target.of(null, null, key), List.of(sequence), true);
      first.put(key, a.version());
      boolean inShare = Routing.bucket(key) < 30;
      assertThat(a.version()).isEqualTo(inShare ? worse : champion);
      assertThat(a.route()).isEqualTo(inShare ? "canary" : "primary");
      canary += inShare ? 1 : 0;
    }
    assertThat(canary).isBetween(40, 80);
    // the same key reaches the same version again
    first.forEach((key, version) -> assertThat(serving.predict(M, ServingService.Target.of(null, null, key),
        List.of(sequence), true).version()).isEqualTo(version));

    serving.awaitOffPath();
    writer.flush();
    RolloutFigures figures = new RolloutFigures(db.dataSource());
    RolloutFigures.VersionFigures onCanary = figures.version(M, worse, List.of("canary"), start);
    assertThat(onCanary.answered()).isEqualTo(2L * canary);
    assertThat(onCanary.modelErrors()).isZero();
    RolloutFigures.Agreement agreement = figures.agreement(M, worse, List.of("canary"), champion, start);
    assertThat(agreement.compared()).isEqualTo(2L * canary);
    assertThat(agreement.rate()).isLessThan(0.2); // every class renamed: it disagrees
    assertThat(figures.version(M, champion, List.of("shadow"), start).answered()).isEqualTo(2L * canary);
  }

  @Test
  void aShadowIsLoggedAndNeverReturnedAndAWarmVersionTakesNoTraffic() {
    splits.set(M, "production", worse, "warm", 0, "promoter", "warm the candidate");
    String sequence = TrainedModels.test().get(1).sequence();
    assertThat(serving.predict(M, ServingService.Target.of(null, null, "k"), List.of(sequence), true).version())
        .isEqualTo(champion);
    serving.awaitOffPath();
    assertThat(serving.serving(M).versions()).anySatisfy(v -> {
      assertThat(v.version()).isEqualTo(worse);
      assertThat(v.state()).isEqualTo(ServingState.WARM); // loaded and warmed, no live request
    });
    assertThat(serving.serving(M).splits()).singleElement().satisfies(s -> assertThat(s.mode()).isEqualTo("warm"));

    splits.set(M, "production", worse, "shadow", 100, "promoter", "shadow it");
    for (int i = 0; i < 20; i++) {
      ServingService.Answers a = serving.predict(M, ServingService.Target.of(null, null, "k" + i), List.of(sequence), true);
      assertThat(a.version()).isEqualTo(champion);
      assertThat(a.route()).isEqualTo("primary");
    }
    splits.clear(M, "production", "promoter", "done");
    assertThat(serving.predict(M, ServingService.Target.of(null, null, "k0"), List.of(sequence), true).route())
        .isEqualTo("primary");
    serving.awaitOffPath();
    writer.flush();
    List<PredictionRecord> rows = new PredictionLog(db.dataSource()).recent(M, 100);
    assertThat(rows).filteredOn(r -> r.version() == worse).hasSize(20)
        .allSatisfy(r -> assertThat(r.route()).isEqualTo("shadow"));
    assertThat(rows).filteredOn(r -> r.version() == champion).hasSize(22);
  }

  @Test
  void anAbSplitSendsItsShareToTheChallengerWithNothingScoredOffThePath() {
    Instant start = Instant.now().minusSeconds(1);
    splits.set(M, "production", worse, "ab", 50, "promoter", "a/b");
    String sequence = TrainedModels.test().get(2).sequence();
    int challenger = 0;
    for (int i = 0; i < 100; i++) {
      String key = "user-" + i;
      ServingService.Answers a = serving.predict(M, ServingService.Target.of(null, null, key), List.of(sequence), true);
      boolean inShare = Routing.bucket(key) < 50;
      assertThat(a.route()).isEqualTo(inShare ? "ab" : "primary");
      assertThat(a.version()).isEqualTo(inShare ? worse : champion);
      challenger += inShare ? 1 : 0;
    }
    serving.awaitOffPath();
    writer.flush();
    RolloutFigures figures = new RolloutFigures(db.dataSource());
    assertThat(figures.version(M, worse, List.of("ab"), start).answered()).isEqualTo(challenger);
    assertThat(figures.version(M, champion, List.of("shadow"), start).answered()).isZero();
    assertThat(figures.version(M, champion, List.of("primary"), start).answered()).isEqualTo(100 - challenger);
  }
}
