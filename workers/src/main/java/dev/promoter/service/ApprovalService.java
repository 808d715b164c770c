package dev.promoter.service;

import dev.promoter.bpmn.engine.CamundaLifecycles;
import dev.promoter.client.PromoterClient;
import dev.promoter.registry.ApprovalRecord;
import dev.promoter.registry.ModelVersion;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import java.util.Map;
import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.approval.ApprovalRefusedException;
import dev.promoter.workflows.approval.ApprovalRule;
import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The approval inbox, and decisions on it. */
public final class ApprovalService {
  private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "REJECTED", "EXPIRED", "WITHDRAWN");
  private final Approvals approvals;
  private final LifecycleRuns runs;
  private final Clock clock;
  // the engines are reached only by what needs them: listing runs must not start or dial Temporal
  private final Supplier<CamundaLifecycles> camunda;
  private final TemporalDecider temporal;
  /** How long a decision on a Camunda run waits for the run to act on it before answering. */
  static final Duration CAMUNDA_ANSWER = Duration.ofSeconds(60);
  /** How long a Temporal run may take to wait for the decision the registry already shows as open. */
  static final Duration TEMPORAL_CATCH_UP = Duration.ofSeconds(10);

  /** A service over the engine's client and the registry's approvals. */
  public ApprovalService(Supplier<PromoterClient> client, Approvals approvals, LifecycleRuns runs,
      Clock clock) {
    this(client, approvals, runs, clock, () -> {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "Camunda is not configured in this process");
    });
  }

  /** The same, with Camunda 8 as a second engine whose runs resume by message. */
  public ApprovalService(Supplier<PromoterClient> client, Approvals approvals, LifecycleRuns runs,
      Clock clock, Supplier<CamundaLifecycles> camunda) {
    this(approvals, runs, clock, camunda, (runId, decision, approve) -> client.get().decide(runId, decision, approve));
  }

  /** How a decision reaches a Temporal run: the engine's client, or a test's stand-in for it. */
  @FunctionalInterface
  interface TemporalDecider {
    LifecycleStatus decide(String runId, Decision decision, boolean approve);
  }

  ApprovalService(Approvals approvals, LifecycleRuns runs, Clock clock, Supplier<CamundaLifecycles> camunda,
      TemporalDecider temporal) {
    this.approvals = approvals;
    this.runs = runs;
    this.clock = clock;
    this.camunda = camunda;
    this.temporal = temporal;
  }

  /** Approval requests, newest first; {@code status} null for all. */
  public List<ApprovalRecord> list(String status, String model) {
    if (status != null && !STATUSES.contains(status)) {
      throw ServiceException.badInput("unknown approval status '" + status + "': use one of "
          + STATUSES.stream().sorted().toList());
    }
    return Failures.translated(() -> approvals.list(status, model));
  }

  /**
   * The request for {@code runId} with its evidence. {@code lifecycles} reads the run and its
   * progress, {@code models} the two versions.
   */
  public ApprovalReview review(String runId, LifecycleService lifecycles, ModelService models) {
    ApprovalRecord request = Failures.translated(() -> approvals.find(runId))
        .orElseThrow(() -> ServiceException.notFound("no approval request for run " + runId));
    RunView run = lifecycles.get(runId);
    ModelVersion candidate = models.version(request.modelName(), request.version());
    ModelVersion production = models.holder(request.modelName(), request.targetAlias());
    LifecycleProgress progress = run.progress();
    boolean measured = progress != null && progress.championMetrics() != null && production != null
        && Integer.valueOf(production.version()).equals(progress.champion());
    Map<String, Double> productionMetrics = measured ? progress.championMetrics()
        : production == null ? null : production.metrics();
    return new ApprovalReview(request, run, candidate, production, productionMetrics, measured);
  }

  /**
   * Decides on a waiting run as {@code actor}. The rule is checked here against the registry
   * first, so a refusal is immediate and names the rule; the run's validator and the registry
   * check it again when the decision lands. Answers with the run's status once it has acted.
   */
  public LifecycleStatus decide(Actor actor, String runId, boolean approve, String reason) {
    if (reason == null || reason.isBlank()) {
      throw ServiceException.badInput("a reason is required: it goes into the audit log");
    }
    ApprovalRecord request = Failures.translated(() -> approvals.find(runId)).orElse(null);
    if (request == null) {
      // a run that exists but has not asked yet (still training) is a conflict, not a 404
      String status = Failures.translated(() -> runs.get(runId)).status();
      throw ServiceException.conflict("run " + runId + " is not waiting for approval (it is " + status + ")");
    }
    Failures.translated(() -> {
      ApprovalRule.check(new ApprovalRule.Case(runId, request.status(), request.requestedBy(),
          request.approverRole(), actor.name(), actor.has(request.approverRole()), reason,
          request.expiresAt(), clock.instant()));
      return null;
    });
    if ("camunda".equals(request.engine())) {
      return decideOnCamunda(actor, runId, approve, reason);
    }
    Decision decision = new Decision(actor.name(), reason, actor.roles().stream().sorted().toList());
    return Failures.translated(() -> decideOnTemporal(runId, decision, approve));
  }

  /**
   * The registry says PENDING as soon as the approval activity has written the request, but the
   * workflow waits for the decision only once it has handled that activity's result, a workflow
   * task later: a decision sent in between is refused by the run's validator as "not waiting
   * (RUNNING)". Since the registry has just said the request is open, that refusal means the run
   * has not caught up yet, so it is sent again for a few seconds before the refusal stands.
   */
  private LifecycleStatus decideOnTemporal(String runId, Decision decision, boolean approve) {
    long deadline = System.nanoTime() + TEMPORAL_CATCH_UP.toNanos();
    while (true) {
      try {
        return temporal.decide(runId, decision, approve);
      } catch (ApprovalRefusedException e) {
        if (e.violation() != ApprovalRefusedException.Violation.NOT_WAITING || System.nanoTime() > deadline
            || !stillPending(runId)) {
          throw e; // a refusal on another rule, or a request someone else has decided meanwhile
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while run " + runId + " caught up with its approval", e);
      }
    }
  }

  private boolean stillPending(String runId) {
    return approvals.find(runId).map(r -> r.status().equals("PENDING")).orElse(false);
  }

  /**
   * A Camunda run: the registry records the decision under the same rule (four eyes, role,
   * expiry, in its own transaction with the audit row), then the message {@code approval-decided}
   * resumes the process. The registry first, so a decision the rule refuses never reaches the
   * engine, and a process that times out meanwhile finds the decision and follows it. Answers
   * with the run's status once it has acted (or RUNNING if it takes longer than a minute).
   */
  private LifecycleStatus decideOnCamunda(Actor actor, String runId, boolean approve, String reason) {
    Failures.translated(() -> {
      approvals.decide(runId, approve ? "APPROVED" : "REJECTED", actor.name(), reason);
      return null;
    });
    Failures.translated(() -> {
      camunda.get().publishDecision(runId, approve, actor.name(), reason);
      return null;
    });
    long deadline = System.nanoTime() + CAMUNDA_ANSWER.toNanos();
    while (System.nanoTime() < deadline) {
      String status = Failures.translated(() -> runs.get(runId)).status();
      if (!status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL")) {
        return LifecycleStatus.valueOf(status);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return LifecycleStatus.RUNNING;
  }
}
