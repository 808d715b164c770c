package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Trains every candidate in parallel, each on the task queue of its pool, records each in the
 * registry, and picks the best by the deciding metric. A candidate that fails is reported and
 * left out; the experiment fails only if all do. Ties go to the candidate listed first.
 */
final class Experiment {
  private static final Logger log = Workflow.getLogger(Experiment.class);
  private final LifecycleRequest request;
  private final RunState state;

  Experiment(LifecycleRequest request, RunState state) {
    this.request = request;
    this.state = state;
  }

  /** The best candidate, or null if none trained. */
  TrainedCandidate run(String runId, RegistryActivities registry) {
    List<Promise<TrainedCandidate>> trainings = new ArrayList<>();
    for (CandidateConfig candidate : request.candidates()) {
      String queue = Pools.queue(request, candidate.pool(), "candidate '" + candidate.name() + "'");
      state.candidate(new CandidateProgress(candidate.name(), candidate.trainer(), queue,
          "TRAINING", Map.of(), null));
      TrainingActivities training = ActivityStubs.training(queue);
      trainings.add(Async.function(training::trainAndEvaluate,
          new TrainingTask(runId, request.modelName(), request.dataset(), candidate)));
    }
    TrainedCandidate best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < trainings.size(); i++) {
      CandidateConfig candidate = request.candidates().get(i);
      String queue = Pools.queue(request, candidate.pool(), "candidate '" + candidate.name() + "'");
      TrainedCandidate trained;
      try {
        trained = trainings.get(i).get();
      } catch (ActivityFailure e) {
        log.warn("candidate {} failed: {}", candidate.name(), RunJson.cause(e));
        state.candidate(new CandidateProgress(candidate.name(), candidate.trainer(), queue,
            "FAILED", Map.of(), RunJson.cause(e)));
        continue;
      }
      registry.recordCandidate(runId, trained);
      state.candidate(new CandidateProgress(candidate.name(), candidate.trainer(), queue, "DONE",
          trained.metrics(), null));
      double score = ModelLifecycleWorkflowImpl.metric(trained.metrics(), request.decidingMetric());
      if (score > bestScore) {
        best = trained;
        bestScore = score;
      }
    }
    if (best != null) {
      state.best(best.candidate(), String.format("%s has the best %s: %.4f", best.candidate(),
          request.decidingMetric(), bestScore));
    }
    return best;
  }
}
