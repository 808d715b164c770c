package dev.promoter.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.client.PromoterClient;
import dev.promoter.client.PromoterClientException;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Page;
import dev.promoter.registry.Roles;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.lifecycle.RunJson;
import dev.promoter.workflows.rollout.Rollout;
import dev.promoter.bpmn.LifecycleVariables;
import dev.promoter.bpmn.engine.CamundaLifecycles;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Starts lifecycle runs and shows them. */
public final class LifecycleService {
  private static final Set<String> STATUSES = Set.of("RUNNING", "AWAITING_APPROVAL", "PROMOTED",
      "NOT_PROMOTED", "REJECTED", "EXPIRED", "FAILED", "ROLLED_BACK", "LOST");
  // the engine is reached only by what needs it: listing runs must not start or dial Temporal
  private final Supplier<PromoterClient> client;
  private final LifecycleRequests requests;
  private final LifecycleRuns runs;
  // reached only for a run that asks for Camunda, so Temporal-only stacks never dial Zeebe
  private final Supplier<CamundaLifecycles> camunda;
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** A service over the engine's client, the request checks and the registry's run index. */
  public LifecycleService(Supplier<PromoterClient> client, LifecycleRequests requests, LifecycleRuns runs) {
    this(client, requests, runs, () -> {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "Camunda is not configured in this process");
    });
  }

  /** The same, with Camunda 8 as a second engine. */
  public LifecycleService(Supplier<PromoterClient> client, LifecycleRequests requests,
      LifecycleRuns runs, Supplier<CamundaLifecycles> camunda) {
    this.client = client;
    this.requests = requests;
    this.runs = runs;
    this.camunda = camunda;
  }

  /** Checks the request completely, then starts the run; the submitter is {@code actor}. */
  public String start(Actor actor, LifecycleSpec spec) {
    actor.require(Roles.SUBMITTER, "start a lifecycle");
    String engine = engine(spec);
    LifecycleRequest request = requests.build(spec, actor.name());
    if (engine.equals("camunda")) {
      String runId = request.modelName() + "-" + LocalDateTime.now(ZoneOffset.UTC).format(RUN_TIME)
          + "-" + UUID.randomUUID().toString().substring(0, 6);
      // recorded before the process starts, so the run id answers at once (the process's own
      // record-run-started job is then a no-op: idempotent by run id)
      Failures.translated(() -> {
        runs.started(runId, "LIFECYCLE", request.modelName(), request.submittedBy(),
            LifecycleVariables.json(LifecycleVariables.of(runId, request)), "camunda");
        return null;
      });
      try {
        Failures.translated(() -> camunda.get().start(runId, request));
      } catch (ServiceException e) {
        // the engine did not confirm the start: the row must not stay RUNNING (nothing else would
        // end it); its result says why, and if the process did start after all (a lost answer),
        // its own last step records the real end over this one
        try {
          runs.status(runId, "FAILED", RunJson.result(new LifecycleResult(LifecycleStatus.FAILED,
              request.modelName(), null, java.util.Map.of(),
              "the Camunda engine did not start the process: " + e.getMessage())));
        } catch (RuntimeException ignored) {
          // the registry is down too; the caller sees the engine's failure, which came first
        }
        throw e;
      }
      return runId;
    }
    String runId = Failures.translated(() -> client.get().startLifecycle(request));
    // the run's first step records it as well (idempotently); recording it here too makes it
    // listable and viewable the moment the caller has its id, not a worker poll later
    try {
      runs.started(runId, "LIFECYCLE", request.modelName(), request.submittedBy(), RunJson.request(request));
    } catch (RuntimeException e) {
      // the workflow's own first step will record it; the start itself succeeded
    }
    return runId;
  }

  /** The engine a spec asks for: temporal unless it says camunda; anything else is bad input. */
  static String engine(LifecycleSpec spec) {
    String engine = spec.engine() == null || spec.engine().isBlank() ? "temporal" : spec.engine();
    if (!LifecycleRuns.ENGINES.contains(engine)) {
      throw ServiceException.badInput("unknown engine '" + engine + "': use one of "
          + LifecycleRuns.ENGINES.stream().sorted().toList());
    }
    return engine;
  }

  /** Runs, newest first. */
  public Page<RunSummary> list(String model, String status, int page, int size) {
    if (status != null && !STATUSES.contains(status)) {
      throw ServiceException.badInput("unknown status '" + status + "': use one of "
          + STATUSES.stream().sorted().toList());
    }
    return Failures.translated(() -> runs.list(model, status, page, size));
  }

  /**
   * The rollout a run was started with (steps, bake, the gates' thresholds), read back from the
   * request the registry recorded at its start: neither engine's progress nor result carries it.
   * Empty for a direct run or one recorded without its request (or in an older shape).
   */
  public Optional<Rollout> rollout(RunSummary run) {
    String json = Failures.translated(() -> runs.input(run.runId())).orElse(null);
    if (json == null) {
      return Optional.empty();
    }
    Rollout rollout;
    try {
      rollout = "camunda".equals(run.engine())
          ? LifecycleVariables.rollout(VARIABLES.readValue(json, VARIABLES_TYPE))
          : RunJson.readRequest(json).deployment();
    } catch (RuntimeException | IOException e) {
      return Optional.empty(); // recorded in an older shape: shown without thresholds
    }
    return rollout == null || rollout.direct() ? Optional.empty() : Optional.of(rollout);
  }

  private static final ObjectMapper VARIABLES =
      new ObjectMapper();
  private static final TypeReference<Map<String, Object>> VARIABLES_TYPE =
      new TypeReference<>() {};

  /** One run, with its live progress while the workflow is open. */
  public RunView get(String runId) {
    RunSummary run = Failures.translated(() -> runs.get(runId));
    LifecycleProgress progress = null;
    // a Camunda run's progress is its registry row (the embedded engine has no query API)
    if ((run.kind().equals("LIFECYCLE") || run.kind().equals("RETRAIN")) && "temporal".equals(run.engine())) {
      try {
        progress = client.get().progress(runId);
      } catch (PromoterClientException e) {
        if (e.kind() != PromoterClientException.Kind.NOT_FOUND) {
          throw Failures.translate(e);
        }
      } catch (RuntimeException e) {
        throw Failures.translate(e);
      }
    }
    return new RunView(run, progress);
  }
}
