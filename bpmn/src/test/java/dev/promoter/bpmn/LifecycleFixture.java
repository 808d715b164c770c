package dev.promoter.bpmn;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.bpmn.worker.ThinWorker;
import dev.promoter.bpmn.worker.TrainCandidateWorker;
import dev.promoter.bpmn.worker.Workers;
import dev.promoter.deploy.DeploymentActivitiesImpl;
import dev.promoter.deploy.RegisteredModels;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.experiment.KmerTrainingActivities;
import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.Principals;
import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.rollout.RolloutActivitiesImpl;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real parts under the job workers: a fresh registry database on the embedded Postgres, a
 * file artifact store, a synthetic dataset, the Temporal activity implementations, and the CPU
 * pool's workers subscribed to the engine. Users: {@code alice} submits, {@code bob} approves.
 * The one stand-in is {@link #failSmokeCheck}: it makes the evaluation boundary report a version
 * unfit, as a broken model would.
 */
final class LifecycleFixture implements AutoCloseable {
  final RegistryDatabase db;
  final ModelRegistry models;
  final Approvals approvals;
  final LifecycleRuns runs;
  final RegistryActivitiesImpl registry;
  final EvaluationActivities evaluation;
  final KmerTrainingActivities training;
  final RolloutActivitiesImpl rollouts;
  final Path root;
  private final Map<Integer, Set<Integer>> smokeFailures = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> smokeCalls = new ConcurrentHashMap<>();
  private final List<JobWorker> open = new ArrayList<>();

  LifecycleFixture(Path root) {
    this.root = root;
    try {
      db = TestPostgres.freshDatabase();
      Path data = Files.createDirectories(root.resolve("data/synthetic"));
      write(data.resolve("train.fasta"), SyntheticRrna.records(12, 1, 100));
      write(data.resolve("test.fasta"), SyntheticRrna.records(5, 1, 200));
      FileArtifactStore store = new FileArtifactStore(root.resolve("artifacts"));
      models = new ModelRegistry(db.dataSource());
      approvals = new Approvals(db.dataSource());
      runs = new LifecycleRuns(db.dataSource());
      new Principals(db.dataSource()).seed(Map.of("alice", Set.of("submitter"),
          "bob", Set.of("approver"), "carol", Set.of("approver")));
      registry = new RegistryActivitiesImpl(db.dataSource(), "test");
      DatasetResolver datasets = new DatasetResolver(root.resolve("data"));
      DeploymentActivitiesImpl real = new DeploymentActivitiesImpl(new RegisteredModels(models, store), datasets);
      evaluation = new EvaluationActivities() {
        @Override
        public Map<String, Double> evaluateVersion(String model, int version, String dataset) {
          return real.evaluateVersion(model, version, dataset);
        }

        @Override
        public String smokeCheck(String model, int version, String dataset) {
          int call = smokeCalls.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
          if (smokeFailures.getOrDefault(version, Set.of()).contains(call)) {
            return model + " v" + version + " classified 0 of 24 smoke sequences correctly";
          }
          return real.smokeCheck(model, version, dataset);
        }
      };
      training = new KmerTrainingActivities(store, datasets);
      rollouts = new RolloutActivitiesImpl(db.dataSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the {@code call}-th smoke check of {@code version} fail (1: staging, 2: after promotion). */
  void failSmokeCheck(int version, int call) {
    smokeFailures.computeIfAbsent(version, v -> ConcurrentHashMap.newKeySet()).add(call);
  }

  /** The CPU pool's workers, k-mer training included. */
  List<ThinWorker> workers(TestEngine engine) {
    List<ThinWorker> all = new ArrayList<>(Workers.cpuPool(runs, approvals, registry, evaluation, rollouts, Clock.systemUTC()));
    all.add(new TrainCandidateWorker(JobTypes.TRAIN_KMER, (task, progress) -> training.trainAndEvaluate(task, beat -> progress.beat(null)),
        Duration.ofMinutes(2), engine.client));
    return all;
  }

  /** Subscribes {@code workers} to the engine until {@link #close()}. */
  void open(TestEngine engine, List<? extends ThinWorker> workers) {
    open.addAll(Workers.open(engine.client, workers, "test"));
  }

  /** A request by alice: one logistic-regression candidate on the synthetic data. */
  static LifecycleRequest request(double minimum, double margin, CandidateConfig... candidates) {
    return request("rrna", minimum, margin, candidates);
  }

  /** The same for another model. */
  static LifecycleRequest request(String model, double minimum, double margin, CandidateConfig... candidates) {
    List<CandidateConfig> list = candidates.length > 0 ? List.of(candidates)
        : List.of(new CandidateConfig("logreg-k4", "logreg", "cpu", Map.of("k", "4", "fragments", "1")));
    return new LifecycleRequest(model, "synthetic", list, "macro_f1", minimum, margin,
        new ApprovalPolicy("approver", Duration.ofHours(1)), "alice", null);
  }

  /** Waits until the run's approval is open in the registry. */
  ApprovalRecord awaitApproval(String runId) {
    TestEngine.await(() -> approvals.find(runId).filter(a -> a.status().equals("PENDING")).isPresent(),
        Duration.ofSeconds(60), "the approval of " + runId);
    return approvals.find(runId).orElseThrow();
  }

  /** What ApprovalService does for a Camunda run: the registry decides, then the message. */
  void decide(TestEngine engine, String runId, boolean approve, String actor, String reason) {
    approvals.decide(runId, approve ? "APPROVED" : "REJECTED", actor, reason);
    engine.lifecycles.publishDecision(runId, approve, actor, reason);
  }

  /**
   * Promotes a first version through a direct run that bob approves, so a rollout test has a
   * champion to roll out against: afterwards {@code production} is v1.
   */
  void promoteChampion(TestEngine engine) {
    String first = runId();
    long champion = engine.lifecycles.start(first, request(0.5, 0.0));
    awaitApproval(first);
    decide(engine, first, true, "bob", "the champion");
    engine.awaitCompleted(champion, Duration.ofSeconds(60));
    if (models.holder("rrna", "production").version() != 1) {
      throw new AssertionError("the champion run did not promote v1");
    }
  }

  /** A fresh run id. */
  static String runId() {
    return "rrna-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    open.forEach(JobWorker::close);
    db.close();
  }

  private static void write(Path file, List<FastaRecord> records) throws IOException {
    StringBuilder text = new StringBuilder();
    records.forEach(r -> text.append('>').append(r.id()).append(' ').append(r.description()).append('\n')
        .append(r.sequence()).append('\n'));
    Files.writeString(file, text);
  }
}
