package dev.promoter.service;

import dev.promoter.registry.Roles;
import dev.promoter.client.PromoterClient;
import dev.promoter.client.PromoterClientException;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Page;
import dev.promoter.registry.RunSummary;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import java.util.Set;
import java.util.function.Supplier;

/** Starts lifecycle runs and shows them. */
public final class LifecycleService {
  private static final Set<String> STATUSES = Set.of("RUNNING", "AWAITING_APPROVAL", "PROMOTED",
      "NOT_PROMOTED", "REJECTED", "EXPIRED", "FAILED", "ROLLED_BACK", "LOST");
  // the engine is reached only by what needs it: listing runs must not start or dial Temporal
  private final Supplier<PromoterClient> client;
  private final LifecycleRequests requests;
  private final LifecycleRuns runs;

  /** A service over the engine's client, the request checks and the registry's run index. */
  public LifecycleService(Supplier<PromoterClient> client, LifecycleRequests requests, LifecycleRuns runs) {
    this.client = client;
    this.requests = requests;
    this.runs = runs;
  }

  /** Checks the request completely, then starts the run; the submitter is {@code actor}. */
  public String start(Actor actor, LifecycleSpec spec) {
    actor.require(Roles.SUBMITTER, "start a lifecycle");
    LifecycleRequest request = requests.build(spec, actor.name());
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

  /** Runs, newest first. */
  public Page<RunSummary> list(String model, String status, int page, int size) {
    if (status != null && !STATUSES.contains(status)) {
      throw ServiceException.badInput("unknown status '" + status + "': use one of "
          + STATUSES.stream().sorted().toList());
    }
    return Failures.translated(() -> runs.list(model, status, page, size));
  }

  /** One run, with its live progress while the workflow is open. */
  public RunView get(String runId) {
    RunSummary run = Failures.translated(() -> runs.get(runId));
    LifecycleProgress progress = null;
    if (run.kind().equals("LIFECYCLE") || run.kind().equals("RETRAIN")) {
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
