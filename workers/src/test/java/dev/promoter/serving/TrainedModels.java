package dev.promoter.serving;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.artifact.StoredArtifact;
import dev.promoter.cli.SyntheticFasta;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real logistic-regression model trained once per JVM on the synthetic rRNA set, and registering helpers. */
public final class TrainedModels {
  private static byte[] archive;
  private static List<FastaRecord> test;
  private static List<FastaRecord> train;
  private static byte[] worse;

  private TrainedModels() {}

  /** The trained model's archive (trained on first use, about a second). */
  public static synchronized byte[] archive() {
    if (archive == null) {
      try {
        Path dir = Files.createTempDirectory("serving-data");
        SyntheticFasta.dataset(dir);
        train = FastaReader.readAll(dir.resolve("train.fasta"));
        test = FastaReader.readAll(dir.resolve("test.fasta"));
        var trained = TrainingRun.run(train, test, "synthetic", TrainerConfig.defaults(TrainerKind.LOGREG).withK(4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.bundle().writeArchive(out);
        archive = out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return archive;
  }

  /**
   * A deliberately worse model: the same trainer on the same sequences, but every class renamed
   * to the next one, so it is systematically wrong and disagrees with {@link #archive()} on
   * almost every sequence. What a rollout gate must catch.
   */
  public static synchronized byte[] worse() {
    if (worse == null) {
      archive();
      List<String> classes = train.stream().map(r -> r.attribute("class")).distinct().sorted().toList();
      List<FastaRecord> relabelled = train.stream().map(r -> {
        String c = r.attribute("class");
        String next = classes.get((classes.indexOf(c) + 1) % classes.size());
        return new FastaRecord(r.id(), r.description().replace("class=" + c, "class=" + next), r.sequence());
      }).toList();
      try {
        var trained = TrainingRun.run(relabelled, test, "synthetic-relabelled",
            TrainerConfig.defaults(TrainerKind.LOGREG).withK(4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.bundle().writeArchive(out);
        worse = out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return worse;
  }

  /** The held-out records of the synthetic set. */
  public static synchronized List<FastaRecord> test() {
    archive();
    return test;
  }

  /** Registers a version of {@code model} whose artifact is {@code bytes}; returns its number. */
  public static int register(ModelRegistry registry, FileArtifactStore store, String model, String key, byte[] bytes) {
    try {
      StoredArtifact a = store.put(new ByteArrayInputStream(bytes));
      return registry.register(new NewVersion(model, key, a.uri().toString(), a.sha256(), "tribuo",
          Map.of("macro_f1", 0.9), Map.of("trainer", "logreg"), "{}", new Lineage("d", "test", "run-" + key), "alice"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers a version whose artifact is not a model. */
  public static int registerCorrupt(ModelRegistry registry, FileArtifactStore store, String model, String key) {
    return register(registry, store, model, key, ("not a zip " + key).getBytes(StandardCharsets.UTF_8));
  }

  /** Registers a good version, then deletes its artifact from the store. */
  public static int registerMissing(ModelRegistry registry, FileArtifactStore store, String model, String key) {
    byte[] bytes = java.util.Arrays.copyOf(archive(), archive().length + 1); // another digest than the good one
    int v = register(registry, store, model, key, bytes);
    try {
      Files.delete(store.pathOf(registry.version(model, v).artifactSha256()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v;
  }
}
