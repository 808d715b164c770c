package dev.promoter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.TrainingResult;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.TestPostgres;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.Augmentation;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke checks and champion evaluation on a real Postgres registry and a real file store: a bad
 * version is a verdict, an outage is a retryable failure, never a verdict.
 */
class DeploymentActivitiesTest {
  private static final List<FastaRecord> TRAIN = SyntheticRrna.records(12, 1, 100);
  private static final List<FastaRecord> TEST = SyntheticRrna.records(5, 1, 200);
  private static TrainingResult trained;

  @TempDir Path dir;
  private RegistryDatabase db;
  private ModelRegistry registry;
  private FileArtifactStore store;
  private Path storeRoot;

  @BeforeAll
  static void train() {
    trained = TrainingRun.run(TRAIN, TEST, "synthetic", TrainerConfig.defaults(TrainerKind.LOGREG).withK(4)
        .withAugmentation(Augmentation.reads(1)));
  }

  @BeforeEach
  void open() throws IOException {
    db = TestPostgres.freshDatabase();
    registry = new ModelRegistry(db.dataSource());
    storeRoot = dir.resolve("artifacts");
    store = new FileArtifactStore(storeRoot);
    Path data = Files.createDirectories(dir.resolve("data/synthetic"));
    write(data.resolve("train.fasta"), TRAIN);
    write(data.resolve("test.fasta"), TEST);
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    trained.bundle().writeArchive(archive);
    register("good", archive.toByteArray());                                  // v1
    register("corrupt", "not a zip".getBytes(StandardCharsets.UTF_8));      // v2
  }

  @AfterEach
  void close() {
    db.close();
  }

  private DeploymentActivitiesImpl activities() {
    return new DeploymentActivitiesImpl(new RegisteredModels(registry, store), new DatasetResolver(dir.resolve("data")));
  }

  @Test
  void aGoodVersionPassesAndIsScoredAsItWasScoredAtTraining() {
    assertThat(activities().smokeCheck("rrna", 1, "synthetic")).isNull();
    Map<String, Double> atTraining = new LinkedHashMap<>(trained.bundle().metadata().metrics());
    atTraining.remove("training_seconds");
    Map<String, Double> asChampion = activities().evaluateVersion("rrna", 1, "synthetic");
    assertThat(asChampion).containsKey("fragments.macro_f1").isEqualTo(atTraining);
  }

  @Test
  void aVersionWhoseArtifactDoesNotLoadIsAVerdict() {
    assertThat(activities().smokeCheck("rrna", 2, "synthetic")).startsWith("rrna v2 cannot serve:");
  }

  @Test
  void anUnknownVersionFailsAtOnceWithoutAVerdict() {
    assertThat(catchThrowable(() -> activities().smokeCheck("rrna", 9, "synthetic")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("NotFound");
        });
  }

  @Test
  void anUnavailableRegistryIsRetriedNeverAVerdict() {
    DeploymentActivitiesImpl activities = activities();
    db.close();
    for (Throwable t : List.of(catchThrowable(() -> activities.smokeCheck("rrna", 1, "synthetic")),
        catchThrowable(() -> activities.evaluateVersion("rrna", 1, "synthetic")))) {
      assertThat(t).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
        assertThat(f.isNonRetryable()).isFalse();
        assertThat(f.getType()).isEqualTo("Unavailable");
      });
    }
  }

  @Test
  void anUnreachableArtifactStoreIsRetriedNeverAVerdict() throws IOException {
    try (var files = Files.walk(storeRoot)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    DeploymentActivitiesImpl activities = activities();
    assertThat(catchThrowable(() -> activities.smokeCheck("rrna", 1, "synthetic")))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot read rrna v1");
    assertThat(catchThrowable(() -> activities.evaluateVersion("rrna", 1, "synthetic")))
        .isInstanceOf(UncheckedIOException.class);
  }

  private void register(String key, byte[] bytes) throws IOException {
    var artifact = store.put(new ByteArrayInputStream(bytes));
    registry.register(new NewVersion("rrna", key, artifact.uri().toString(), artifact.sha256(), "tribuo",
        Map.of("macro_f1", 0.9), Map.of("trainer", "logreg"), "{}", new Lineage("d", "test", "run-" + key),
        "alice"));
  }

  private static void write(Path file, List<FastaRecord> records) throws IOException {
    StringBuilder text = new StringBuilder();
    records.forEach(r -> text.append('>').append(r.id()).append(' ').append(r.description()).append('\n')
        .append(r.sequence()).append('\n'));
    Files.writeString(file, text);
  }
}
