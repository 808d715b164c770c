import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.Processes;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.bpmn.engine.EmbeddedZeebe;
import dev.promoter.bpmn.worker.ThinWorker;
import dev.promoter.bpmn.worker.Workers;
import dev.promoter.stack.EmbeddedTemporalServer;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import dev.promoter.workflows.lifecycle.ApprovalPolicy;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflowImpl;
import dev.promoter.workflows.rollback.RollbackWorkflowImpl;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orchestration overhead: the real lifecycle with steps that do nothing, on the dev stack's two
 * embedded engines, each over loopback gRPC as `./promoter` runs them.
 *
 * <ul>
 *   <li>Temporal: {@link ModelLifecycleWorkflowImpl} on the embedded test server (real time),
 *       a worker configured like Promoter's CPU pool on it (sticky execution off), and no-op
 *       implementations of the same activity interfaces. The approval is an {@code approve}
 *       Update, sent once the run's progress query says it waits (polled every 2 ms after the
 *       run opened its approval).
 *   <li>Zeebe: {@code model-lifecycle.bpmn} on the embedded engine (zeebe-process-test), no-op
 *       job workers opened the way Promoter opens its own ({@link Workers#open}, {@link
 *       ThinWorker}), each completing with the variables the process reads. The approval is the
 *       {@code approval-decided} message, published when the run opened its approval.
 * </ul>
 *
 * Both run the same lifecycle: one candidate, no champion, auto-approved, promoted. Per-step
 * overhead is a lifecycle's wall time over the steps its engine dispatches to workers.
 *
 * <p>Usage: {@code java -cp CP OrchestrationBench.java SEQUENTIAL TOTAL IN_FLIGHT WARMUP}
 */
public class OrchestrationBench {
  private static final String MODEL = "bench";

  public static void main(String[] args) {
    // exits either way: the engines' client threads are not all daemons, and a failed run (a
    // lifecycle that timed out because the engine's processor died) must end, not hang the report
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (Throwable e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  static void run(String[] args) throws Exception {
    int sequential = Integer.parseInt(args[0]);
    int total = Integer.parseInt(args[1]);
    int inFlight = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    List<Result> results = new ArrayList<>();
    try (TemporalSide temporal = new TemporalSide()) {
      results.add(measure(temporal, sequential, total, inFlight, warmup));
    }
    try (ZeebeSide zeebe = new ZeebeSide()) {
      results.add(measure(zeebe, sequential, total, inFlight, warmup));
    }
    System.out.println("Orchestration overhead: a lifecycle whose steps do nothing (one candidate, no champion, "
        + "auto-approved, promoted)");
    System.out.println();
    System.out.printf(Locale.ROOT, "One at a time (%d lifecycles after %d warm-up ones), then %d lifecycles with %d "
        + "in flight; load average before/after each engine's runs.%n%n", sequential, warmup, total, inFlight);
    System.out.println("| engine | steps to workers | lifecycle median ms | lifecycle p99 ms | per step median ms "
        + "| per step p99 ms | lifecycles/minute, " + inFlight + " in flight | load average |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.2f | %,.0f | %s -> %s |%n", r.engine, r.steps,
          r.median, r.p99, r.median / r.steps, r.p99 / r.steps, r.perMinute, r.loadBefore, r.loadAfter);
    }
    for (Result r : results) {
      System.out.println();
      System.out.println(r.notes);
    }
  }

  record Result(String engine, int steps, double median, double p99, double perMinute, String loadBefore,
      String loadAfter, String notes) {}

  /** One engine with a no-op lifecycle. */
  interface Engine extends AutoCloseable {
    String name();

    /** Steps one lifecycle dispatches to workers (activities or jobs). */
    int steps();

    /** Starts a lifecycle; completes when it has ended promoted (fails otherwise). */
    CompletableFuture<Void> lifecycle(String runId);

    /** What a reader needs to know beside the figures. */
    String notes();
  }

  static Result measure(Engine engine, int sequential, int total, int inFlight, int warmup) throws Exception {
    System.err.println("== " + engine.name());
    String before = load();
    burst(engine, "warm-", warmup, inFlight); // JIT and connection warm-up, not measured
    for (int i = 0; i < Math.min(warmup, 10); i++) {
      engine.lifecycle("warm-seq-" + i).get(2, TimeUnit.MINUTES);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < sequential; i++) {
      long t0 = System.nanoTime();
      engine.lifecycle("seq-" + i).get(2, TimeUnit.MINUTES);
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(ms);
    long t0 = System.nanoTime();
    burst(engine, "burst-", total, inFlight);
    double minutes = (System.nanoTime() - t0) / 60e9;
    String after = load();
    System.err.printf(Locale.ROOT, "%s: median %.1f ms, p99 %.1f ms, %d lifecycles in %.1f s%n", engine.name(),
        percentile(ms, 0.5), percentile(ms, 0.99), total, minutes * 60);
    return new Result(engine.name(), engine.steps(), percentile(ms, 0.5), percentile(ms, 0.99), total / minutes,
        before, after, engine.notes());
  }

  // `count` lifecycles, never more than `inFlight` at once
  static void burst(Engine engine, String prefix, int count, int inFlight) throws Exception {
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      all.add(engine.lifecycle(prefix + i).whenComplete((ok, e) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  static double percentile(List<Double> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
  }

  static String load() throws Exception {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static LifecycleRequest request(String queue) {
    return new LifecycleRequest(MODEL, "no-data", List.of(new CandidateConfig("noop", "logreg", "cpu", Map.of())),
        "macro_f1", 0.0, 0.0, new ApprovalPolicy("approver", Duration.ofDays(1)), "bench-submitter",
        Map.of("cpu", queue));
  }

  static TrainedCandidate trained() {
    return new TrainedCandidate("noop", "logreg", "file:///nowhere", "0".repeat(64), "tribuo",
        Map.of("macro_f1", 0.9), Map.of(), "{}", "0".repeat(64));
  }

  /** The lifecycle workflow on the embedded Temporal test server. */
  static final class TemporalSide implements Engine {
    private static final String QUEUE = "bench-cpu";
    // Temporal: runStarted, trainAndEvaluate, recordCandidate, aliasHolder, register,
    // promote (staging), smokeCheck, openApproval, decideApproval, promote (production),
    // smokeCheck, runFinished
    private static final int STEPS = 12;
    private final EmbeddedTemporalServer server;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final WorkerFactory factory;
    private final ExecutorService approvers = Executors.newFixedThreadPool(8);
    private final AtomicLong refusedUpdates = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong activities = new AtomicLong();

    TemporalSide() throws Exception {
      server = EmbeddedTemporalServer.startOrAttach(freePort());
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build(), Duration.ofSeconds(30));
      client = WorkflowClient.newInstance(stubs);
      factory = WorkerFactory.newInstance(client);
      // as WorkerPools.cpuOptions does on the embedded test server: sticky execution off (see
      // docs/reliability.md); the SDK's default slots and pollers
      // (and a deadlock detector that tolerates a 2-core machine at a load average of 20: its 1 s
      // default failed workflow tasks there that had done nothing wrong)
      Worker worker = factory.newWorker(QUEUE, WorkerOptions.newBuilder()
          .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
          .setDefaultDeadlockDetectionTimeout(10_000).build());
      worker.registerWorkflowImplementationTypes(ModelLifecycleWorkflowImpl.class, RollbackWorkflowImpl.class);
      worker.registerActivitiesImplementations(new NoOpRegistry(this::approveSoon, activities),
          new NoOpEvaluation(activities), new NoOpTraining(activities));
      factory.start();
    }

    @Override
    public String name() {
      return "Temporal (embedded test server)";
    }

    @Override
    public int steps() {
      return STEPS;
    }

    @Override
    public CompletableFuture<Void> lifecycle(String runId) {
      ModelLifecycleWorkflow run = client.newWorkflowStub(ModelLifecycleWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(QUEUE).build());
      WorkflowClient.start(run::run, request(QUEUE));
      return WorkflowStub.fromTyped(run).getResultAsync(LifecycleResult.class).thenAccept(r -> {
        if (r.status() != LifecycleStatus.PROMOTED) {
          throw new IllegalStateException(runId + " ended " + r.status() + ": " + r.verdict());
        }
      });
    }

    // the approver: once the run says it waits (its progress query), as a person would find it
    // in the inbox; an Update sent before that is refused by its validator
    private void approveSoon(String runId) {
      approvers.execute(() -> {
        WorkflowStub stub = client.newUntypedWorkflowStub(runId);
        Decision decision = new Decision("bench-approver", "no-op lifecycle", List.of("approver"));
        try {
          while (stub.query("progress", LifecycleProgress.class).status() != LifecycleStatus.AWAITING_APPROVAL) {
            queries.incrementAndGet();
            Thread.sleep(2);
          }
          queries.incrementAndGet();
          stub.startUpdate("approve", WorkflowUpdateStage.ACCEPTED, LifecycleStatus.class, decision);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          refusedUpdates.incrementAndGet();
          System.err.println("approval of " + runId + " failed: " + e);
        }
      });
    }

    @Override
    public String notes() {
      return String.format(Locale.ROOT, "Temporal: %,d activities ran; the approver read the run's progress query "
          + "%,d times (every 2 ms until the run waits, then the approve Update; each query a workflow task, "
          + "counted in the figures); %d approvals failed.", activities.get(), queries.get(), refusedUpdates.get());
    }

    @Override
    public void close() {
      approvers.shutdownNow();
      factory.shutdownNow();
      stubs.shutdownNow();
      server.close();
    }
  }

  /** No-op registry steps: the answers a first version of a new model gets. */
  record NoOpRegistry(java.util.function.Consumer<String> approvalOpened, AtomicLong calls)
      implements RegistryActivities {
    @Override
    public void runStarted(String runId, String kind, String modelName, String submittedBy, String inputJson) {
      calls.incrementAndGet();
    }

    @Override
    public void runFinished(String runId, String status, String resultJson) {
      calls.incrementAndGet();
    }

    @Override
    public void recordCandidate(String runId, TrainedCandidate candidate) {
      calls.incrementAndGet();
    }

    @Override
    public Integer aliasHolder(String modelName, String alias) {
      calls.incrementAndGet();
      return null;
    }

    @Override
    public int register(String idempotencyKey, String modelName, TrainedCandidate candidate, String actor,
        String runId) {
      calls.incrementAndGet();
      return 1;
    }

    @Override
    public void promote(String modelName, int version, String alias, String actor, String reason,
        Integer expectedHolder, boolean checkExpected) {
      calls.incrementAndGet();
    }

    @Override
    public int rollback(String modelName, String alias, String actor, String reason, int expectedHolder) {
      throw new UnsupportedOperationException("a no-op lifecycle never rolls back");
    }

    @Override
    public void withdraw(String modelName, int version, String alias, String actor, String reason) {
      throw new UnsupportedOperationException("a no-op lifecycle never withdraws");
    }

    @Override
    public void reject(String modelName, int version, String actor, String reason) {
      throw new UnsupportedOperationException("a no-op lifecycle never rejects");
    }

    @Override
    public List<String> openApproval(String runId, String modelName, int version, String alias,
        String requestedBy, String approverRole, long expiresAtEpochMillis) {
      calls.incrementAndGet();
      approvalOpened.accept(runId);
      return List.of("bench-approver");
    }

    @Override
    public void decideApproval(String runId, String decision, String actor, String reason) {
      calls.incrementAndGet();
    }

    @Override
    public Map<String, List<String>> principals() {
      return Map.of("bench-approver", List.of("approver"));
    }
  }

  record NoOpEvaluation(AtomicLong calls) implements EvaluationActivities {
    @Override
    public Map<String, Double> evaluateVersion(String modelName, int version, String dataset) {
      calls.incrementAndGet();
      return Map.of("macro_f1", 0.9);
    }

    @Override
    public String smokeCheck(String modelName, int version, String dataset) {
      calls.incrementAndGet();
      return null; // passed
    }
  }

  record NoOpTraining(AtomicLong calls) implements TrainingActivities {
    @Override
    public TrainedCandidate trainAndEvaluate(TrainingTask task) {
      calls.incrementAndGet();
      return trained();
    }
  }

  /** model-lifecycle.bpmn on the embedded Zeebe engine. */
  static final class ZeebeSide implements Engine {
    // record-run-started, train-kmer, choose-best-candidate, evaluate-champion, register-version,
    // stage-version, smoke-check, open-approval, promote-version, smoke-check, record-run-end
    private static final int STEPS = 11;
    private final EmbeddedZeebe engine;
    private final CamundaClient client;
    private final CamundaLifecycles lifecycles;
    private final List<JobWorker> workers;
    private final AtomicLong jobs = new AtomicLong();

    ZeebeSide() throws Exception {
      engine = EmbeddedZeebe.start(freePort());
      client = CamundaClient.newClientBuilder().preferRestOverGrpc(false)
          .grpcAddress(URI.create("http://" + engine.gatewayAddress()))
          .defaultRequestTimeout(Duration.ofMinutes(2)).build();
      lifecycles = new CamundaLifecycles(client);
      lifecycles.deploy();
      Map<String, Object> trained = LifecycleVariables.trained(trained());
      Map<String, Object> best = new LinkedHashMap<>();
      best.put("best", trained);
      best.put("bestScore", 0.9);
      best.put("bestMetrics", Map.of("macro_f1", 0.9));
      Map<String, Object> noChampion = new LinkedHashMap<>();
      noChampion.put("champion", null);
      noChampion.put("challengerWins", true);
      workers = Workers.open(client, List.of(
          new NoOpJob(JobTypes.RECORD_RUN_STARTED, Map.of(), jobs),
          new NoOpJob(JobTypes.TRAIN_KMER, Map.of("trained", trained), jobs),
          new NoOpJob(JobTypes.CHOOSE_BEST_CANDIDATE, best, jobs),
          new NoOpJob(JobTypes.EVALUATE_CHAMPION, noChampion, jobs),
          new NoOpJob(JobTypes.REGISTER_VERSION, Map.of("version", 1), jobs),
          new NoOpJob(JobTypes.STAGE_VERSION, Map.of(), jobs),
          new NoOpJob(JobTypes.SMOKE_CHECK, Map.of(), jobs),
          new ApproveOnOpen(lifecycles, jobs),
          new NoOpJob(JobTypes.PROMOTE_VERSION, Map.of(), jobs),
          new NoOpJob(JobTypes.RECORD_RUN_END, Map.of("verdict", "v1 promoted"), jobs)), "bench");
    }

    @Override
    public String name() {
      return "Zeebe (embedded engine)";
    }

    @Override
    public int steps() {
      return STEPS;
    }

    @Override
    public CompletableFuture<Void> lifecycle(String runId) {
      // the engine answers when the instance has completed
      return client.newCreateInstanceCommand().bpmnProcessId(Processes.LIFECYCLE).latestVersion()
          .variables(LifecycleVariables.of(runId, request("cpu"))).withResult()
          .requestTimeout(Duration.ofMinutes(5)).send().toCompletableFuture()
          .thenAccept(r -> {
            if (!Boolean.TRUE.equals(r.getVariablesAsMap().get("approved"))) {
              throw new IllegalStateException(runId + " ended without approval: " + r.getVariablesAsMap());
            }
          });
    }

    @Override
    public String notes() {
      return String.format(Locale.ROOT, "Zeebe: %,d jobs ran, by job workers opened as Promoter opens its own "
          + "(the client's defaults: up to 32 jobs active per worker, polled every 100 ms).", jobs.get());
    }

    @Override
    public void close() {
      workers.forEach(JobWorker::close);
      client.close();
      engine.close();
    }
  }

  /** A job that does nothing and completes with fixed variables. */
  static class NoOpJob extends ThinWorker {
    private final String type;
    private final Map<String, Object> changed;
    private final AtomicLong calls;

    NoOpJob(String type, Map<String, Object> changed, AtomicLong calls) {
      this.type = type;
      this.changed = changed;
      this.calls = calls;
    }

    @Override
    public String jobType() {
      return type;
    }

    @Override
    protected Map<String, Object> work(ActivatedJob job, JobClient client) {
      calls.incrementAndGet();
      return changed;
    }
  }

  /** Opens the approval and, as an approver at once, publishes the decision message. */
  static final class ApproveOnOpen extends NoOpJob {
    private final CamundaLifecycles lifecycles;

    ApproveOnOpen(CamundaLifecycles lifecycles, AtomicLong calls) {
      super(JobTypes.OPEN_APPROVAL, Map.of(), calls);
      this.lifecycles = lifecycles;
    }

    @Override
    protected Map<String, Object> work(ActivatedJob job, JobClient client) {
      Map<String, Object> none = super.work(job, client);
      // buffered by the engine (its time to live) until the run waits at its message event
      lifecycles.publishDecision(String.valueOf(job.getVariablesAsMap().get("runId")), true, "bench-approver",
          "no-op lifecycle");
      return none;
    }
  }
}
