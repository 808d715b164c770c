package dev.promoter.drift;

import dev.promoter.experiment.DatasetResolver;
import dev.promoter.registry.DriftChecks;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.TestPostgres;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.RrnaDataset;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A registry on a fresh real Postgres with model {@code rrna} v1 in production, registered by run
 * {@code run-1} on the committed real data ({@code data/rrna}), and predictions written through
 * the real {@link PredictionLog}.
 */
final class DriftFixture implements AutoCloseable {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String MODEL = "rrna";
  final RegistryDatabase db = TestPostgres.freshDatabase();
  final ModelRegistry registry = new ModelRegistry(db.dataSource());
  final PredictionLog log = new PredictionLog(db.dataSource());
  final DriftChecks checks = new DriftChecks(db.dataSource());
  final LifecycleRuns runs = new LifecycleRuns(db.dataSource());
  final RrnaDataset data;

  DriftFixture() {
    try {
      data = RrnaDataset.load(ROOT.resolve("data/rrna"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean dataPresent() {
    return Files.isRegularFile(ROOT.resolve("data/rrna/train.fasta.gz"));
  }

  DriftCheckActivitiesImpl activities() {
    return new DriftCheckActivitiesImpl(db.dataSource(), new DatasetResolver(ROOT));
  }

  static LifecycleRequest request(String submitter) {
    return new LifecycleRequest(MODEL, "data/rrna", List.of(new CandidateConfig("a", "logreg", "cpu", Map.of())),
        "macro_f1", 0.9, 0.0, null, submitter, null);
  }

  /** v1 in production, registered by {@code run-1} ({@code engine}) whose request names data/rrna. */
  int productionV1(String engine) {
    runs.started("run-1", "LIFECYCLE", MODEL, "alice", RunJson.request(request("alice")), engine);
    int v = registry.register(new NewVersion(MODEL, "run-1/register", "file:/a", "ab".repeat(32), "tribuo",
        Map.of("macro_f1", 0.99), Map.of(), null, new Lineage(data.digest(), "test", "run-1"), "alice"));
    registry.promote(MODEL, v, "production", "alice", "first");
    return v;
  }

  /** Logs one prediction by {@code version} per sequence, answered at {@code at}. */
  void logPredictions(int version, List<String> sequences, Instant at) {
    List<PredictionRecord> rows = new ArrayList<>();
    for (int i = 0; i < sequences.size(); i++) {
      rows.add(new PredictionRecord(at, UUID.randomUUID().toString(), 0, MODEL, version, "primary", 1.0, "16S",
          0.9, SequenceSummary.of(sequences.get(i))));
    }
    log.append(rows);
  }

  /**
   * {@code n} held-out real sequences in a seeded random order (the file is sorted by class, and
   * traffic of one class only is a shift of its own): what production traffic looked like in
   * training.
   */
  List<String> realTest(int n) {
    List<String> all = new ArrayList<>(data.test().stream().map(FastaRecord::sequence).toList());
    java.util.Collections.shuffle(all, new Random(11));
    return all.subList(0, n);
  }

  /** The same sequences with most G and C turned into A and T: AT-rich traffic the model never saw. */
  List<String> atRich(int n) {
    Random random = new Random(7);
    return realTest(n).stream().map(s -> {
      char[] bases = s.toCharArray();
      for (int i = 0; i < bases.length; i++) {
        if ((bases[i] == 'G' || bases[i] == 'C') && random.nextDouble() < 0.6) {
          bases[i] = bases[i] == 'G' ? 'A' : 'T';
        }
      }
      return new String(bases);
    }).toList();
  }

  @Override
  public void close() {
    db.close();
  }
}
